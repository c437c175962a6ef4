import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { TEXT_ATTACHMENT_EXTENSIONS } from '@chatiq/contracts';
import type { Request } from 'express';
import { newAttachmentKey } from './attachment-keys.js';
import type { AttachmentStorage } from './attachment-storage.js';

/** How many leading bytes are kept for type sniffing (file-type needs ~4 kB; more costs nothing). */
export const SNIFF_BYTES = 64 * 1024;

/** A file as multer hands it to a storage engine (busboy's stream sets `truncated` past the limit). */
type IncomingFile = {
  fieldname: string;
  originalname: string;
  encoding: string;
  mimetype: string;
  stream: Readable & { truncated?: boolean };
};

/** What the engine learnt while storing a file: `req.file` in the route. */
export type ReceivedUpload = {
  fieldname: string;
  /** The name the client gave (untrusted: display only). */
  originalname: string;
  /** The client's Content-Type (untrusted: ignored). */
  mimetype: string;
  /** Where the bytes were stored. */
  key: string;
  size: number;
  /** The first SNIFF_BYTES bytes, for type detection. */
  head: Buffer;
  /** Valid UTF-8 without NUL bytes (only checked for names that may be text; false otherwise). */
  textual: boolean;
};

/** Counts, keeps the head, and checks text-ness of the bytes flowing through. */
class UploadInspector extends Transform {
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private decoder: TextDecoder | null;
  textual: boolean;

  constructor(checkText: boolean) {
    super();
    this.textual = checkText;
    this.decoder = checkText ? new TextDecoder('utf-8', { fatal: true }) : null;
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.headLength < SNIFF_BYTES) {
      const part = Buffer.from(chunk.subarray(0, SNIFF_BYTES - this.headLength));
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    if (this.textual && this.decoder) {
      if (chunk.includes(0)) this.notText();
      else {
        try {
          this.decoder.decode(chunk, { stream: true });
        } catch {
          this.notText();
        }
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.textual && this.decoder) {
      try {
        this.decoder.decode(); // a multi-byte character cut at the end is not valid UTF-8
      } catch {
        this.notText();
      }
    }
    callback();
  }

  private notText(): void {
    this.textual = false;
    this.decoder = null;
  }
}

export function mayBeTextName(name: string): boolean {
  const lower = name.toLowerCase();
  return TEXT_ATTACHMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * A multer storage engine that streams each file straight into the AttachmentStorage under a new
 * random key, inspecting it on the way (size, head for sniffing, UTF-8). Nothing is buffered
 * whole: past `limits.fileSize` busboy stops passing data, multer fails the request with
 * LIMIT_FILE_SIZE (413), and the partial file is removed here. The route decides afterwards
 * whether the file is kept; multer removes it (through `_removeFile`) if the request fails.
 */
export class AttachmentUploadEngine {
  constructor(private readonly storage: AttachmentStorage) {}

  _handleFile(_req: Request, file: IncomingFile, callback: (error: Error | null, info?: Partial<ReceivedUpload>) => void): void {
    const key = newAttachmentKey();
    const inspector = new UploadInspector(mayBeTextName(file.originalname ?? ''));
    let limitReached = false;
    file.stream.once('limit', () => {
      limitReached = true;
    });
    // Every stream gets its error handling here, before the storage sees it: a client can cut the
    // body at any moment (busboy then errors the file stream, and the pipe passes the error on to
    // the inspector), also while a storage driver still awaits something (a folder, a connection)
    // before it reads. An 'error' event nobody listens to would end the process. The storage's
    // put() then rejects with that error when it reads from the inspector.
    file.stream.on('error', (error) => inspector.destroy(error));
    inspector.on('error', () => undefined);
    file.stream.pipe(inspector);
    this.storage.put(key, inspector).then(
      async () => {
        if (limitReached || file.stream.truncated) {
          await this.storage.delete(key).catch(() => undefined);
          return callback(new Error('File too large'));
        }
        callback(null, { key, size: inspector.size, head: inspector.head, textual: inspector.textual });
      },
      (error: Error) => {
        // Whatever failed, let the request body keep flowing so multer can answer.
        file.stream.unpipe(inspector);
        file.stream.resume();
        callback(error);
      },
    );
  }

  _removeFile(_req: Request, file: Partial<ReceivedUpload>, callback: (error: Error | null) => void): void {
    if (!file.key) {
      callback(null);
      return;
    }
    this.storage.delete(file.key).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

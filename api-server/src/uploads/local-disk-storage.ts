import fs, { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAttachmentKey } from './attachment-keys.js';
import type { AttachmentMeta, AttachmentStorage, StoredAttachment } from './attachment-storage.js';

/**
 * Attachments as files under one directory, sharded by the key's first characters
 * (`<root>/<ab>/<key>`). A put writes a temporary file and renames it into place, so a reader
 * never sees half a file and a failed upload leaves nothing behind.
 */
export class LocalDiskAttachmentStorage implements AttachmentStorage {
  readonly root: string;

  /** `root`: relative paths are taken from the working directory. The folder is made on first put. */
  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Readable | Buffer, _meta?: AttachmentMeta): Promise<{ size: number }> {
    const file = this.pathOf(key);
    const partial = `${file}.${process.pid}.${Date.now()}.part`;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // The whole pipeline is built before anything is awaited, so an error of the body (a client
    // that cut the upload) always has a listener; the file stream makes its folder when it opens.
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    const sink = createWriteStream(partial, { flags: 'wx', mode: 0o640, fs: openMakingFolder(path.dirname(file)) });
    const written = pipeline(source, counter, sink);
    try {
      await written;
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<StoredAttachment | null> {
    const file = this.pathOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { stream: createReadStream(file), size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The file of a key. Throws for anything that is not a key we made, and checks the result stays under root. */
  pathOf(key: string): string {
    if (!isAttachmentKey(key)) throw new Error('Invalid attachment key');
    const file = path.resolve(this.root, key.slice(4, 6), key);
    if (!file.startsWith(this.root + path.sep)) throw new Error('Invalid attachment key');
    return file;
  }
}

/** The file calls of a write stream whose open first makes the file's folder (mode 0750). */
function openMakingFolder(folder: string) {
  return {
    open(file: fs.PathLike, flags: fs.OpenMode, mode: fs.Mode, callback: (error: NodeJS.ErrnoException | null, fd?: number) => void) {
      mkdir(folder, { recursive: true, mode: 0o750 }).then(
        () => fs.open(file, flags, mode, callback),
        (error: NodeJS.ErrnoException) => callback(error),
      );
    },
    write: fs.write,
    writev: fs.writev,
    close: fs.close,
  };
}

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentMeta, AttachmentStorage, StoredAttachment } from './attachment-storage.js';
import { isAttachmentKey } from './attachment-keys.js';

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
    await mkdir(path.dirname(file), { recursive: true, mode: 0o750 });
    const partial = `${file}.${process.pid}.${Date.now()}.part`;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, counter, createWriteStream(partial, { flags: 'wx', mode: 0o640 }));
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

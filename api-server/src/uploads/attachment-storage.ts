import type { Readable } from 'node:stream';

/** What is known about a file when it is stored (a backend may keep it as object metadata). */
export type AttachmentMeta = { contentType?: string };

/** A stored file, ready to stream. */
export type StoredAttachment = { stream: Readable; size: number };

/**
 * Where attachment bytes live. Keys come from `newAttachmentKey()` (random, never derived from
 * anything a user sent); implementations refuse any other shape of key. The local disk is the
 * default; an object store (S3) implements the same three calls and is provided under the same
 * token.
 */
export interface AttachmentStorage {
  /**
   * Stores `body` under `key` (all or nothing: a failed put leaves no file); resolves with its size.
   * A stream `body` may error at any time (the client cut the upload): read it, or at least listen
   * for its errors, before the first `await`, and reject with its error. (The upload engine also
   * listens, so a driver that forgets cannot end the process.)
   */
  put(key: string, body: Readable | Buffer, meta?: AttachmentMeta): Promise<{ size: number }>;
  /** The file under `key`, or null when there is none. */
  get(key: string): Promise<StoredAttachment | null>;
  /** Removes the file under `key`; a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Nest injection token of the AttachmentStorage in use. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { StoredAttachment } from '../uploads/attachment-storage.js';

/** A year: an avatar's URL never changes its bytes (a new picture gets a new key). */
export const AVATAR_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Headers of a served avatar: always the WebP the API made, `nosniff`, a CSP that runs nothing,
 * cacheable by anyone, and loadable from any page (the widget runs on customers' sites).
 */
export function avatarHeaders(size: number): Record<string, string> {
  return {
    'Content-Type': 'image/webp',
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': `public, max-age=${AVATAR_MAX_AGE_SECONDS}, immutable`,
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
}

/** Streams an avatar. A client that goes away just ends the stream. */
export async function sendAvatar(res: Response, file: StoredAttachment): Promise<void> {
  res.status(200);
  for (const [name, value] of Object.entries(avatarHeaders(file.size))) res.setHeader(name, value);
  try {
    await pipeline(file.stream, res);
  } catch {
    file.stream.destroy();
    res.destroy();
  }
}

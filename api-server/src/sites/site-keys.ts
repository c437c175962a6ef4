import { createHash, randomBytes } from 'node:crypto';

/** The public id that goes into the embed snippet. */
export function newSitePublicId(): string {
  return `site_${randomBytes(9).toString('base64url')}`;
}

/** A secret site API key; only its SHA-256 is stored. */
export function newSiteApiKey(): { key: string; hash: string; last4: string } {
  const key = `ciq_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashApiKey(key), last4: key.slice(-4) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

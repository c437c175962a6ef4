import { randomBytes } from 'node:crypto';

/** `att_` and 32 base64url characters (192 random bits): only letters, digits, `_` and `-`. */
const KEY_PATTERN = /^att_[A-Za-z0-9_-]{32}$/;

/** A new storage key: random, so nothing about it comes from the user (name, type, path). */
export function newAttachmentKey(): string {
  return `att_${randomBytes(24).toString('base64url')}`;
}

/** Whether `key` has the shape `newAttachmentKey` makes (no dots, no slashes: it cannot leave its folder). */
export function isAttachmentKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

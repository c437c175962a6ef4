import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { last4, parseKeyring, SecretBox, SecretBoxError } from './secret-box.js';

const key = () => randomBytes(32).toString('base64');
const OLD = `old:${key()}`;
const NEW = `new:${key()}`;
const SECRET = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';

/** Replaces one base64url part of a sealed string with a same-length variant (a flipped bit). */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[partIndex]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

function errorOf(fn: () => unknown): SecretBoxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretBoxError);
    return error as SecretBoxError;
  }
  throw new Error('expected a SecretBoxError');
}

describe('SecretBox', () => {
  it('round-trips a key, with a fresh IV every time and the key id in the stored form', () => {
    const box = new SecretBox(OLD, 'ai-api-key');
    const first = box.encrypt(SECRET, 'site_1');
    const second = box.encrypt(SECRET, 'site_1');

    expect(first).toMatch(/^v1\.old\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(SECRET);
    expect(box.decrypt(first, 'site_1')).toBe(SECRET);
    expect(box.decrypt(second, 'site_1')).toBe(SECRET);
  });

  it('refuses a ciphertext moved to another site (the site id is authenticated data)', () => {
    const box = new SecretBox(OLD, 'ai-api-key');
    const sealed = box.encrypt(SECRET, 'site_1');
    expect(errorOf(() => box.decrypt(sealed, 'site_2')).code).toBe('decrypt_failed');
  });

  it('refuses a tampered IV, tag or ciphertext', () => {
    const box = new SecretBox(OLD, 'ai-api-key');
    const sealed = box.encrypt(SECRET, 'site_1');
    for (const part of [2, 3, 4]) {
      expect(errorOf(() => box.decrypt(tamper(sealed, part), 'site_1')).code).toBe('decrypt_failed');
    }
  });

  it('refuses a tampered key id even when that key exists', () => {
    const box = new SecretBox(`${NEW},${OLD}`, 'ai-api-key');
    const sealed = new SecretBox(OLD, 'ai-api-key').encrypt(SECRET, 'site_1');
    expect(errorOf(() => box.decrypt(sealed.replace('.old.', '.new.'), 'site_1')).code).toBe('decrypt_failed');
  });

  it('refuses malformed stored strings', () => {
    const box = new SecretBox(OLD, 'ai-api-key');
    const sealed = box.encrypt(SECRET, 'site_1');
    const [, kid, iv, tag, ciphertext] = sealed.split('.');
    for (const bad of [
      '',
      'plaintext-key',
      sealed.replace(/^v1/, 'v2'),
      `v1.${kid}.${iv}.${tag}`,
      `v1.${kid}.${iv}.${tag}.${ciphertext}.extra`,
      `v1.${kid}.${iv!.slice(4)}.${tag}.${ciphertext}`,
      `v1.${kid}.${iv}.${tag!.slice(2)}.${ciphertext}`,
      `v1.${kid}.${iv}.${tag}.not*base64`,
    ]) {
      expect(errorOf(() => box.decrypt(bad, 'site_1')).code).toBe('malformed_ciphertext');
    }
  });

  it('rotates: old ciphertexts still open, new ones use the new first key', () => {
    const before = new SecretBox(OLD, 'ai-api-key');
    const sealedBefore = before.encrypt(SECRET, 'site_1');
    expect(before.activeKid).toBe('old');

    const after = new SecretBox(`${NEW},${OLD}`, 'ai-api-key');
    expect(after.activeKid).toBe('new');
    expect(after.decrypt(sealedBefore, 'site_1')).toBe(SECRET);
    expect(after.needsReencryption(sealedBefore)).toBe(true);

    const sealedAfter = after.encrypt(SECRET, 'site_1');
    expect(sealedAfter.split('.')[1]).toBe('new');
    expect(after.needsReencryption(sealedAfter)).toBe(false);
    expect(after.decrypt(sealedAfter, 'site_1')).toBe(SECRET);

    // Once the old key is removed, what it sealed reports the missing key id.
    const newOnly = new SecretBox(NEW, 'ai-api-key');
    const error = errorOf(() => newOnly.decrypt(sealedBefore, 'site_1'));
    expect(error.code).toBe('unknown_kid');
    expect(error.message).toContain('"old"');
  });

  it('parses keyrings with spaces and either base64 alphabet', () => {
    const raw = randomBytes(32);
    const ring = parseKeyring(` a:${raw.toString('base64')} , b:${randomBytes(32).toString('base64url')} ,`);
    expect(ring.activeKid).toBe('a');
    expect([...ring.keys.keys()]).toEqual(['a', 'b']);
    expect(ring.keys.get('a')!.equals(raw)).toBe(true);
  });

  it.each([
    ['an empty keyring', '', /empty/],
    ['an entry without a key id', key(), /no "kid:" prefix/],
    ['a key of the wrong length', `k1:${randomBytes(16).toString('base64')}`, /exactly 32 bytes, got 16/],
    ['a key that is not base64', `k1:${'!'.repeat(44)}`, /exactly 32 bytes/],
    ['a duplicate key id', `k1:${key()},k1:${key()}`, /duplicate key id "k1"/],
    ['an invalid key id', `k.1:${key()}`, /key id must be/],
  ])('rejects %s', (_name, spec, message) => {
    const error = errorOf(() => new SecretBox(spec, 'ai-api-key'));
    expect(error.code).toBe('malformed_keyring');
    expect(error.message).toMatch(message);
  });

  it('binds a secret to its purpose: an AI key does not open as an identity secret, or back', () => {
    const aiBox = new SecretBox(OLD, 'ai-api-key');
    const identityBox = new SecretBox(OLD, 'site-identity-secret');
    const sealedAi = aiBox.encrypt(SECRET, 'site_1');
    const sealedIdentity = identityBox.encrypt(SECRET, 'site_1');
    expect(identityBox.decrypt(sealedIdentity, 'site_1')).toBe(SECRET);
    expect(errorOf(() => identityBox.decrypt(sealedAi, 'site_1')).code).toBe('decrypt_failed');
    expect(errorOf(() => aiBox.decrypt(sealedIdentity, 'site_1')).code).toBe('decrypt_failed');
  });

  it('never puts key material in keyring errors', () => {
    const material = randomBytes(16).toString('base64');
    expect(errorOf(() => parseKeyring(`k1:${material}`)).message).not.toContain(material);
  });
});

describe('last4', () => {
  it('shows the last 4 characters of a real key and masks short ones', () => {
    expect(last4(SECRET)).toBe('6789');
    expect(last4('  sk-abcdefghijkl  ')).toBe('ijkl');
    expect(last4('EMPTY')).toBe('****');
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, visitorIdentifyPayloadSchema } from './index.js';

const hash = 'a'.repeat(64);

describe('visitor:identify payload', () => {
  it('accepts a name or an email alone, as before', () => {
    expect(visitorIdentifyPayloadSchema.parse({ name: ' Olha ' })).toEqual({ name: 'Olha' });
    expect(visitorIdentifyPayloadSchema.parse({ email: ' Olha@Example.COM ' })).toEqual({ email: 'olha@example.com' });
  });

  it('accepts a user id with its hash, alone or with a name and email', () => {
    expect(visitorIdentifyPayloadSchema.parse({ userId: ' u-42 ', userHash: hash })).toEqual({ userId: 'u-42', userHash: hash });
    const upper = 'ABCDEF0123456789'.repeat(4);
    expect(visitorIdentifyPayloadSchema.parse({ userId: 'u', userHash: upper, name: 'N', email: 'n@example.com' }).userHash).toBe(upper);
  });

  it('refuses an empty payload', () => {
    expect(visitorIdentifyPayloadSchema.safeParse({}).success).toBe(false);
  });

  it('requires the hash exactly when a user id is given', () => {
    const noHash = visitorIdentifyPayloadSchema.safeParse({ userId: 'u-42', name: 'N' });
    expect(noHash.success).toBe(false);
    expect(noHash.error?.issues.map((i) => i.path.join('.'))).toContain('userHash');
    expect(visitorIdentifyPayloadSchema.safeParse({ userHash: hash, name: 'N' }).success).toBe(false);
  });

  it('refuses malformed hashes and user ids', () => {
    expect(visitorIdentifyPayloadSchema.safeParse({ userId: 'u', userHash: 'a'.repeat(63) }).success).toBe(false);
    expect(visitorIdentifyPayloadSchema.safeParse({ userId: 'u', userHash: `${'a'.repeat(63)}g` }).success).toBe(false);
    expect(visitorIdentifyPayloadSchema.safeParse({ userId: '   ', userHash: hash }).success).toBe(false);
    expect(visitorIdentifyPayloadSchema.safeParse({ userId: 'x'.repeat(201), userHash: hash }).success).toBe(false);
    expect(visitorIdentifyPayloadSchema.safeParse({ userId: 'x'.repeat(200), userHash: hash }).success).toBe(true);
  });

  it('reports a wrong hash as identity_invalid (403)', () => {
    expect(ERROR_STATUS.identity_invalid).toBe(403);
  });
});

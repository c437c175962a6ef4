import { visitorIdentifyPayloadSchema } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { toIdentity } from './identity.js';

const hash = 'ab'.repeat(32);

describe('toIdentity (chtq.setUser)', () => {
  it('turns { id, name, email, hash } into the contract payload', () => {
    const check = toIdentity({ id: ' u-42 ', name: ' Olha ', email: ' olha@example.com ', hash });
    expect(check).toEqual({ ok: true, identity: { userId: 'u-42', userHash: hash, name: 'Olha', email: 'olha@example.com' } });
    if (check.ok) expect(visitorIdentifyPayloadSchema.safeParse(check.identity).success).toBe(true);
  });

  it('passes custom attributes along (the server applies them for verified users only)', () => {
    expect(toIdentity({ id: 'u', hash, attributes: { plan: 'pro', seats: 3, trial: true, gone: null } })).toEqual({
      ok: true,
      identity: { userId: 'u', userHash: hash, attributes: { plan: 'pro', seats: 3, trial: true, gone: null } },
    });
  });

  it('accepts a numeric id, a name or an email alone', () => {
    expect(toIdentity({ id: 42, hash })).toEqual({ ok: true, identity: { userId: '42', userHash: hash } });
    expect(toIdentity({ name: 'Olha' })).toEqual({ ok: true, identity: { name: 'Olha' } });
    expect(toIdentity({ email: 'o@example.com' })).toEqual({ ok: true, identity: { email: 'o@example.com' } });
  });

  it('refuses what the server would refuse, saying why', () => {
    for (const user of [
      null,
      'u-42',
      {},
      { id: 'u-42' },
      { id: 'u-42', hash: 'not-hex' },
      { id: 'u-42', hash: 'a'.repeat(63) },
      { id: '   ', hash },
      { id: 'x'.repeat(201), hash },
      { hash, name: 'Olha' },
      { name: 'Olha', email: 'not-an-email' },
      { name: '   ' },
      { id: 'u', hash, attributes: 'plan=pro' },
      { id: 'u', hash, attributes: ['pro'] },
      { id: 'u', hash, attributes: { plan: { nested: true } } },
      { id: 'u', hash, attributes: { seats: Number.NaN } },
      { id: 'u', hash, attributes: { note: 'x'.repeat(1001) } },
      { id: 'u', hash, attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) },
    ]) {
      const check = toIdentity(user);
      expect(check.ok, JSON.stringify(user)).toBe(false);
      if (!check.ok) expect(check.problem).toMatch(/\w/);
    }
  });

  it('everything it accepts, the contract accepts', () => {
    for (const user of [
      { id: 'x'.repeat(200), hash },
      { name: 'x'.repeat(150) },
      { email: 'A@Example.com', name: 'N' },
      { id: 'u', hash, attributes: { plan: 'pro', seats: 12, trial: false, old: null } },
    ]) {
      const check = toIdentity(user);
      expect(check.ok).toBe(true);
      if (check.ok) expect(visitorIdentifyPayloadSchema.safeParse(check.identity).success, JSON.stringify(user)).toBe(true);
    }
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityServerSample, identitySetUserSample } from './identity-sample';

describe('identity verification samples', () => {
  it('show the HMAC-SHA256 hex recipe the API checks, with the secret from the environment', () => {
    const sample = identityServerSample();
    expect(sample).toContain("createHmac('sha256', process.env.CHATIQ_IDENTITY_SECRET)");
    expect(sample).toContain(".digest('hex')");
    expect(sample).not.toMatch(/idsec_/);
    // The recipe as written gives a 64-character hex string (what the contract accepts).
    expect(createHmac('sha256', 'idsec_example').update(String(42)).digest('hex')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('pass id and hash to chtq.setUser', () => {
    const call = identitySetUserSample();
    expect(call).toContain('window.chtq.setUser({');
    expect(call).toMatch(/id: "42"/);
    expect(call).toMatch(/hash: "/);
  });
});

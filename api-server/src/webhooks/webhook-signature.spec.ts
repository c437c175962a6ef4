import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './webhook-signature.js';

describe('signatureHeader', () => {
  it('signs "<t>.<body>" with each secret, current first', () => {
    const body = '{"id":"evt_1"}';
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], 1_700_000_000);
    const expected = (secret: string) => createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected('whsec_new')},v1=${expected('whsec_old')}`);
  });

  it('has one v1 for one secret', () => {
    expect(signatureHeader('{}', ['s'], 1).split(',')).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_RETRY, ERROR_STATUS, isRetryableError } from './index.js';

describe('the retry rule', () => {
  it('classifies every error code, and nothing else', () => {
    expect(Object.keys(ERROR_RETRY).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(['retry', 'final'], code).toContain(ERROR_RETRY[code]);
  });

  it('resends what passes: a busy server, its database, a rate limit, a reconnect with new rights', () => {
    for (const code of ['rate_limited', 'internal_error', 'database_unavailable', 'ai_unavailable', 'permissions_changed'] as const) {
      expect(isRetryableError(code), code).toBe(true);
    }
  });

  it('drops what no resend can fix: the request itself, or what it names, is wrong', () => {
    for (const code of [
      'validation_failed',
      'payload_too_large',
      'chat_not_found',
      'forbidden',
      'site_not_found',
      'unauthorized',
    ] as const) {
      expect(isRetryableError(code), code).toBe(false);
    }
  });

  it('every 5xx passes and no 4xx other than the rate limit, a reconnect and a request that arrived too slowly does', () => {
    for (const code of ERROR_CODES) {
      if (ERROR_STATUS[code] >= 500) expect(isRetryableError(code), code).toBe(true);
    }
    const retried4xx = ERROR_CODES.filter((code) => ERROR_STATUS[code] < 500 && isRetryableError(code));
    expect(retried4xx.sort()).toEqual(['permissions_changed', 'rate_limited', 'request_timeout']);
  });

  it('resends on a code it does not know (a newer server) rather than lose the message', () => {
    expect(isRetryableError('some_new_code')).toBe(true);
  });
});

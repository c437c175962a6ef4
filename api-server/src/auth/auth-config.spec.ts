import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/load-config.js';

const env = { DATABASE_URL: 'postgresql://u@localhost/db', JWT_SECRET: 'x'.repeat(32) };

describe('auth limits configuration', () => {
  it('defaults: 10 requests per IP per minute; 5 failed logins in 15 minutes lock the email for 15 minutes; 300 widget requests per IP per minute', () => {
    expect(loadConfig(env).authLimits).toEqual({
      perIp: 10,
      windowSeconds: 60,
      loginMaxFailures: 5,
      loginFailureWindowSeconds: 900,
      loginLockoutSeconds: 900,
      widgetPerIpPerMinute: 300,
    });
  });

  it('reads and validates overrides', () => {
    const config = loadConfig({
      ...env,
      AUTH_RATE_LIMIT: '3',
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '10',
      LOGIN_MAX_FAILURES: '2',
      LOGIN_LOCKOUT_SECONDS: '1',
      WIDGET_RATE_LIMIT: '50',
    });
    expect(config.authLimits).toMatchObject({
      perIp: 3,
      windowSeconds: 10,
      loginMaxFailures: 2,
      loginLockoutSeconds: 1,
      widgetPerIpPerMinute: 50,
    });
    for (const bad of [
      { AUTH_RATE_LIMIT: '0' },
      { LOGIN_MAX_FAILURES: 'many' },
      { LOGIN_LOCKOUT_SECONDS: '-5' },
      { WIDGET_RATE_LIMIT: '0' },
    ]) {
      expect(() => loadConfig({ ...env, ...bad }), JSON.stringify(bad)).toThrow(ConfigError);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const valid = { DATABASE_URL: 'postgresql://u@localhost/db', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.jwt.expiresInSeconds).toBe(7 * 24 * 3600);
    expect(config.corsOrigins).toEqual(['http://localhost:3001']);
  });

  it('reports one line per problem', () => {
    try {
      loadConfig({ PORT: 'abc', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/JWT_SECRET: must be at least 32/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a postgresql/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: '' })).toThrow(/DATABASE_URL: is required/);
  });

  it('reads EGRESS_ALLOW (nothing allowed when unset) and stops on an entry it cannot read, naming it', () => {
    expect(loadConfig(valid).egress).toEqual({ allow: [], connectTimeoutMs: 10_000 });
    const allow = loadConfig({ ...valid, EGRESS_ALLOW: '127.0.0.1:11434, 10.0.0.0/8, ollama:11434' }).egress.allow;
    expect(allow.map((rule) => rule.text)).toEqual(['127.0.0.1:11434', '10.0.0.0/8', 'ollama:11434']);
    expect(() => loadConfig({ ...valid, EGRESS_ALLOW: '127.0.0.1:11434,10.0.0.0/33,http://x' })).toThrow(
      /EGRESS_ALLOW: cannot read "10\.0\.0\.0\/33", "http:\/\/x"/,
    );
  });

  it('splits CORS origins', () => {
    expect(loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

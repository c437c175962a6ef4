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

  describe('TRUSTED_PROXIES', () => {
    it('defaults to loopback and takes a list of addresses, subnets and named ranges, or none', () => {
      expect(loadConfig(valid).trustedProxies).toEqual(['loopback']);
      expect(
        loadConfig({ ...valid, TRUSTED_PROXIES: 'loopback, 10.0.0.0/8 ,172.16.0.0/255.240.0.0,fd00::/8, 192.0.2.7' }).trustedProxies,
      ).toEqual(['loopback', '10.0.0.0/8', '172.16.0.0/255.240.0.0', 'fd00::/8', '192.0.2.7']);
      expect(loadConfig({ ...valid, TRUSTED_PROXIES: 'uniquelocal' }).trustedProxies).toEqual(['uniquelocal']);
      expect(loadConfig({ ...valid, TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([]);
    });

    it('refuses what is not an address, a subnet or a named range, naming the entry', () => {
      expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: 'loopback, nginx' })).toThrow(/TRUSTED_PROXIES: "nginx" is not an IP address/);
      expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES: "10.0.0.0\/33"/);
      expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: 'true' })).toThrow(/TRUSTED_PROXIES: "true"/);
      expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: ' , ' })).toThrow(/TRUSTED_PROXIES: must list proxies/);
    });

    it('still reads the former name TRUST_PROXY, but not both at once', () => {
      expect(loadConfig({ ...valid, TRUST_PROXY: 'uniquelocal' }).trustedProxies).toEqual(['uniquelocal']);
      expect(() => loadConfig({ ...valid, TRUST_PROXY: 'uniquelocal', TRUSTED_PROXIES: 'loopback' })).toThrow(
        /TRUST_PROXY: is the former name of TRUSTED_PROXIES/,
      );
    });
  });
});

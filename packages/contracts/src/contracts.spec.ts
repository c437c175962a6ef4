import { describe, expect, it } from 'vitest';
import {
  adminClientEventSchemas,
  CONTRACT_VERSION,
  createSiteBodySchema,
  ERROR_STATUS,
  isCompatibleContract,
  passwordSchema,
  registerBodySchema,
  toValidationIssues,
  utf8Length,
  visitorMessagePayloadSchema,
  widgetClientEventSchemas,
} from './index.js';

describe('contract', () => {
  it('accepts the same major version and refuses another', () => {
    const [major] = CONTRACT_VERSION.split('.');
    expect(isCompatibleContract(`${major}.99.0`)).toBe(true);
    expect(isCompatibleContract(`${Number(major) + 1}.0.0`)).toBe(false);
    expect(isCompatibleContract('garbage')).toBe(false);
  });

  it('maps every error code to an HTTP status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it('reports field paths for invalid input', () => {
    const result = registerBodySchema.safeParse({ email: 'nope', password: 'short', name: '', organizationName: 'x' });
    expect(result.success).toBe(false);
    const paths = toValidationIssues(result.error!).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });

  it('normalises emails and trims message text', () => {
    const body = registerBodySchema.parse({
      email: '  Owner@Example.COM ',
      password: 'longenough',
      name: 'Olha',
      organizationName: 'Acme',
    });
    expect(body.email).toBe('owner@example.com');
    expect(visitorMessagePayloadSchema.parse({ clientId: 'abcdefgh1', text: '  hi  ' }).text).toBe('hi');
    expect(visitorMessagePayloadSchema.safeParse({ clientId: 'abcdefgh1', text: '   ' }).success).toBe(false);
  });

  it('accepts origins and refuses paths', () => {
    expect(createSiteBodySchema.parse({ name: 's', allowedOrigins: ['https://a.example/'] }).allowedOrigins).toEqual(['https://a.example']);
    expect(createSiteBodySchema.safeParse({ name: 's', allowedOrigins: ['https://a.example/path'] }).success).toBe(false);
    expect(createSiteBodySchema.safeParse({ name: 's', allowedOrigins: ['javascript:alert(1)'] }).success).toBe(false);
  });

  it('names every client event in the domain:verb style', () => {
    for (const name of [...Object.keys(widgetClientEventSchemas), ...Object.keys(adminClientEventSchemas)]) {
      expect(name).toMatch(/^[a-z]+:[a-z]+$/);
    }
  });

  it('limits a new password to 72 UTF-8 bytes (what bcrypt reads), not 72 characters', () => {
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
    expect(passwordSchema.safeParse('a'.repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse('é'.repeat(36)).success).toBe(true);
    const over = passwordSchema.safeParse(`${'é'.repeat(36)}A`);
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => i.message)).toEqual(['Password must be at most 72 bytes']);
    expect(passwordSchema.safeParse('x'.repeat(73)).success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(100_000)).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin-policy.js';

describe('isOriginAllowed', () => {
  const site = { allowedOrigins: ['http://localhost:3002'], domains: ['example.com'] };

  it('accepts listed origins and the site domains with their subdomains', () => {
    expect(isOriginAllowed('http://localhost:3002', site)).toBe(true);
    expect(isOriginAllowed('https://example.com', site)).toBe(true);
    expect(isOriginAllowed('https://shop.example.com', site)).toBe(true);
  });

  it('refuses other origins, look-alike hosts and a missing origin', () => {
    expect(isOriginAllowed('http://localhost:3003', site)).toBe(false);
    expect(isOriginAllowed('https://evilexample.com', site)).toBe(false);
    expect(isOriginAllowed('https://example.com.evil.net', site)).toBe(false);
    expect(isOriginAllowed(undefined, site)).toBe(false);
    expect(isOriginAllowed('null', site)).toBe(false);
  });

  it('accepts any page while a site has no policy', () => {
    expect(isOriginAllowed('https://anything.test', { allowedOrigins: [], domains: [] })).toBe(true);
  });
});

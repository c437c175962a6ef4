// Helmet's headers and the two CORS policies: the operator API answers only the admin panel's
// origins; the widget's public routes answer any page, which the route then checks against the site.
import type { CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerOwner } from './support/clients.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADMIN_ORIGIN = 'https://app.example.test';

describe('HTTP hardening', () => {
  let t: TestApp;
  let site: CreatedSiteDto;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: ADMIN_ORIGIN });
    const owner = await registerOwner(t.url);
    site = (
      await api<CreatedSiteDto>(t.url, 'POST', '/sites', {
        token: owner.accessToken,
        body: { name: 'Shop', allowedOrigins: ['https://shop.example.test'] },
      })
    ).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets the security headers on JSON answers, errors included', async () => {
    for (const path of ['/health', '/sites']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none';frame-ancestors 'none'");
    }
  });

  it('leaves the Swagger UI at /docs without the strict CSP it could not run under', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("sends helmet's other headers", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-site');
    expect(res.headers.get('x-dns-prefetch-control')).toBe('off');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('lets the admin panel, and only it, call the operator API from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/sites`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight(ADMIN_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const stranger = await preflight('https://evil.example.test');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // The customer's own site is no admin panel either.
    expect((await preflight('https://shop.example.test')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("lets any page ask the widget's routes, and refuses a page the site does not allow, readably", async () => {
    const ask = (origin: string) => fetch(`${t.url}/widget/sites/${site.publicId}/settings`, { headers: { origin } });
    const shop = await ask('https://shop.example.test');
    expect(shop.status).toBe(200);
    expect(shop.headers.get('access-control-allow-origin')).toBe('https://shop.example.test');
    expect(shop.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await ask('https://evil.example.test');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBe('https://evil.example.test');
    expect(await other.json()).toMatchObject({ code: 'origin_not_allowed' });
  });
});

describe("rate limit on the widget's public routes", () => {
  it('refuses a client IP over WIDGET_RATE_LIMIT per minute with 429 and Retry-After, readable by the page', async () => {
    const t = await startTestApp({ WIDGET_RATE_LIMIT: '3' });
    try {
      const owner = await registerOwner(t.url);
      const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Busy' } })).body;
      const ask = () => fetch(`${t.url}/widget/sites/${site.publicId}/settings`, { headers: { origin: 'https://busy.example' } });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('access-control-allow-origin')).toBe('https://busy.example');
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
      // The operator API is not counted against the widget's budget.
      expect((await api(t.url, 'GET', '/sites', { token: owner.accessToken })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

// Sign-in limits count the person, not the admin panel: the panel's server passes the browser's
// address on to the API (X-Forwarded-For), which trusts the panel (TRUSTED_PROXIES=loopback).
//
// A system of its own with the API's default limits (the shared one lifts the per-IP limit:
// every other browser test signs in from 127.0.0.1). Two browsers on one machine have one
// address, so each reaches the panel through its own small reverse proxy on loopback that does
// what nginx does for a browser at another address: it appends that address to X-Forwarded-For
// (`$proxy_add_x_forwarded_for`, which keeps a browser's own header left of it: harder than the
// `$remote_addr` docs/deploy.md sets). The panel trusts loopback by default, as nginx on its host.

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Owner, registerOwner } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';
import { type System, startSystem } from './support/system.js';

const INCORRECT = 'Email or password is incorrect.';
const TOO_MANY = 'Too many attempts. Try again later.';

/**
 * nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` for a browser at
 * `clientAddress`, in front of the panel at `target()` (known once the system runs).
 */
async function startForwardingProxy(clientAddress: string, target: () => string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const upstream = new URL(target());
    const incoming = req.headers['x-forwarded-for'];
    const forwardedFor = incoming ? `${incoming}, ${clientAddress}` : clientAddress;
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Submits the login form and returns the error it shows (null: signed in, on the inbox). */
async function signInThroughPanel(page: Page, base: string, email: string, password: string): Promise<string | null> {
  if (!page.url().startsWith(`${base}/login`)) await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const answered = page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
  const alert = page.locator('form [role="alert"]');
  const outcome = await Promise.race([
    alert.waitFor().then(() => 'alert' as const),
    page.waitForURL(`${base}/inbox`).then(() => 'inbox' as const),
  ]);
  return outcome === 'inbox' ? null : await alert.textContent();
}

describe('sign-in limits per browser address through the admin panel', () => {
  let pg: Awaited<ReturnType<typeof acquireTestServer>>;
  const database = uniqueDatabaseName('chatiq_e2e_sign_in_addresses');
  let system: System;
  const proxies: Server[] = [];
  let browser: Browser;
  let [officeA, officeB] = ['', ''];
  let mistyping: Owner;
  let colleague: Owner;

  beforeAll(async () => {
    pg = await acquireTestServer();
    const proxyA = await startForwardingProxy('203.0.113.10', () => system.adminUrl);
    const proxyB = await startForwardingProxy('203.0.113.20', () => system.adminUrl);
    proxies.push(proxyA.server, proxyB.server);
    [officeA, officeB] = [proxyA.url, proxyB.url];
    // The API's default limits: AUTH_RATE_LIMIT 10 per minute per address, LOGIN_MAX_FAILURES 5 per email.
    system = await startSystem(
      await createDatabase(pg.url, database),
      { AUTH_RATE_LIMIT: '10', CORS_ORIGINS: `${officeA},${officeB}` },
      'sign-in-addresses',
    );
    mistyping = await registerOwner(system.apiUrl, 'mistyping');
    colleague = await registerOwner(system.apiUrl, 'colleague');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const proxy of proxies) await new Promise((resolve) => proxy.close(resolve));
    await system?.stop();
    await dropDatabase(pg.url, database);
    await pg.stop();
  });

  it('eleven wrong sign-ins from one address do not stop a colleague at another address', async () => {
    const pageA = await newLoggedPage(browser, 'office A');
    const shown: (string | null)[] = [];
    for (let i = 0; i < 10; i++) shown.push(await signInThroughPanel(pageA, officeA, mistyping.email, `wrong-password-${i}`));
    // The first five are wrong passwords; then the account is locked (per-email backoff).
    expect(shown).toEqual([...Array(5).fill(INCORRECT), ...Array(5).fill(TOO_MANY)]);

    // The eleventh wrong one, and then the colleague's right password from that address, are over
    // its per-address budget, whatever address the browser claims in a header of its own.
    await pageA.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.20' });
    expect(await signInThroughPanel(pageA, officeA, mistyping.email, 'wrong-password-10')).toBe(TOO_MANY);
    expect(await signInThroughPanel(pageA, officeA, colleague.email, colleague.password)).toBe(TOO_MANY);

    // The colleague at the other address signs in.
    const pageB = await newLoggedPage(browser, 'office B');
    expect(await signInThroughPanel(pageB, officeB, colleague.email, colleague.password)).toBeNull();
    await pageB.waitForURL(`${officeB}/inbox`);

    // The account that was guessed at stays locked from every address (per-email backoff).
    const otherPage = await newLoggedPage(browser, 'office B, second browser');
    expect(await signInThroughPanel(otherPage, officeB, mistyping.email, mistyping.password)).toBe(TOO_MANY);
  });
});

// The Sites page in real Chromium against the running API: an owner creates a site, edits its
// origins (a bad origin is refused on its line before anything is sent), rotates the API key (the
// new key is shown once, the last 4 change), reveals the identity secret and a visitor connected
// with a real socket.io-client is verified with a hash computed from it (and shows as verified in
// the inbox), rotates the secret (the old hash is refused from then on), and deletes the site by
// typing its name. Screenshots in both languages at 1280×720 and at tablet width.

import { createHmac } from 'node:crypto';
import {
  type Ack,
  CONTRACT_VERSION,
  type ErrorBody,
  type IdentitySecretDto,
  type SiteDetailDto,
  type VisitorIdentifyAck,
  WIDGET_NAMESPACE,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@chatiq/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Owner, registerOwner, screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { newLoggedPage } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

/** What the host site's server computes for `chtq.setUser` (the recipe the page shows). */
const userHash = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

async function get<T>(path: string, token: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

/** A visitor's widget connection from the widget server's origin, joined, with a first message (a chat). */
async function visitorSocket(publicId: string): Promise<WidgetSocket> {
  const socket: WidgetSocket = io(`${apiUrl}${WIDGET_NAMESPACE}`, {
    auth: { siteId: publicId, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
    extraHeaders: { origin: widgetUrl },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = await socket.emitWithAck('visitor:join', { locale: 'en-US' });
  if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
  const sent = await socket.emitWithAck('visitor:message', { clientId: `sites-e2e-${Date.now()}`, text: 'Where is my order?' });
  if (!sent.ok) throw new Error(`message refused: ${sent.code}`);
  return socket;
}

const identify = (socket: WidgetSocket, userId: string, hash: string) =>
  socket.emitWithAck('visitor:identify', { userId, userHash: hash, name: 'Olha Kovalenko' }) as Promise<Ack<VisitorIdentifyAck>>;

/**
 * True when the Sites page does not fit the width: its scroll area scrolls sideways, or one of its
 * elements reaches past the area's right edge. (The top bar is the app shell's, checked elsewhere.)
 */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => {
    const area = document.querySelector('.content');
    const sites = document.querySelector('.sites-page');
    if (!area || !sites) return true;
    const right = area.getBoundingClientRect().right;
    return (
      area.scrollWidth > area.clientWidth + 1 || [...sites.querySelectorAll('*')].some((el) => el.getBoundingClientRect().right > right + 1)
    );
  });

describe('sites page', () => {
  let browser: Browser;
  let page: Page;
  let owner: Owner;
  let missing: string[];
  let siteId = '';
  let publicId = '';
  let firstKey = '';
  let visitor: WidgetSocket | undefined;
  const siteName = 'Kvitka flowers';

  const row = (): Locator => page.getByTestId('site-row').filter({ has: page.getByRole('heading', { name: siteName, exact: true }) });
  const section = (name: string | RegExp) => row().getByRole('region', { name });

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'sites');
    browser = await launchBrowser();
    page = await newLoggedPage(browser, 'owner');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: adminUrl });
    missing = watchMissingMessages(page);
    await signInPage(page, adminUrl, owner);
  });
  afterAll(async () => {
    visitor?.close();
    await browser?.close();
  });

  it('shows the empty state, then creates a site and shows its key and snippet once', async () => {
    await page.goto(`${adminUrl}/sites`);
    await page.getByText('No sites yet. Add your first one above.').waitFor();

    const form = page.getByRole('form', { name: 'Add a site' });
    // Refused on its line by the contract's schema, before anything is sent.
    await form.getByLabel('Name').fill(siteName);
    await form.getByLabel('Allowed origins (one per line)').fill(`${widgetUrl}\nhttps://shop.kvitka.test/checkout`);
    await form.getByRole('button', { name: 'Create site' }).click();
    await form.getByText('“https://shop.kvitka.test/checkout”: Must be an origin such as https://example.com').waitFor();
    expect((await get<unknown[]>('/sites', owner.token)).body).toEqual([]);

    await form.getByLabel('Allowed origins (one per line)').fill(widgetUrl);
    await form.getByRole('button', { name: 'Create site' }).click();
    const key = page.getByTestId('api-key');
    await key.waitFor();
    firstKey = (await key.textContent()) ?? '';
    expect(firstKey).toMatch(/^ciq_/);
    publicId = /siteId: "([^"]+)"/.exec((await page.getByTestId('embed-snippet').textContent()) ?? '')?.[1] ?? '';
    expect(publicId).toMatch(/^site_/);
    await row().waitFor();
    siteId = (await row().getAttribute('data-site-id')) ?? '';
    expect((await get<SiteDetailDto>(`/sites/${siteId}`, owner.token)).body).toMatchObject({
      publicId,
      allowedOrigins: [widgetUrl],
      apiKeyLast4: firstKey.slice(-4),
    });
    // Once: a reload shows the site, never its key again.
    await page.reload();
    await row().waitFor();
    expect(await page.getByTestId('api-key').count()).toBe(0);
    expect(await page.content()).not.toContain(firstKey);
  });

  it('edits the origins: a bad line is shown on its field and nothing is saved; a good one is saved', async () => {
    await row().getByRole('button', { name: 'Manage' }).click();
    const edit = row().getByRole('form', { name: 'Name, domains and origins' });
    await edit.getByLabel('Name').waitFor();
    expect(await edit.getByLabel('Allowed origins (one per line)').inputValue()).toBe(widgetUrl);

    await edit.getByLabel(/^Domains/).fill('kvitka.test\nnot a domain');
    await edit.getByLabel('Allowed origins (one per line)').fill(`${widgetUrl}\nhttps://shop.kvitka.test`);
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await edit.getByText('“not a domain”: Not a valid domain').waitFor();
    expect((await get<SiteDetailDto>(`/sites/${siteId}`, owner.token)).body.allowedOrigins).toEqual([widgetUrl]);
    await screenshot(page, 'sites-edit-error-en');

    await edit.getByLabel(/^Domains/).fill('kvitka.test');
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await edit.getByText('Saved', { exact: true }).waitFor();
    expect((await get<SiteDetailDto>(`/sites/${siteId}`, owner.token)).body).toMatchObject({
      domains: ['kvitka.test'],
      allowedOrigins: [widgetUrl, 'https://shop.kvitka.test'],
    });
    // The list shows the new origins.
    await row().getByText(`${widgetUrl}, https://shop.kvitka.test, kvitka.test`).waitFor();
  });

  it('rotates the API key after a confirmation and shows the new key once', async () => {
    const keySection = section('API key');
    expect(await keySection.getByTestId('api-key-last4').textContent()).toBe(`••••${firstKey.slice(-4)}`);
    await keySection.getByRole('button', { name: 'Rotate API key' }).click();
    // Cancel changes nothing.
    await keySection.getByRole('button', { name: 'Cancel' }).click();
    expect((await get<SiteDetailDto>(`/sites/${siteId}`, owner.token)).body.apiKeyLast4).toBe(firstKey.slice(-4));

    await keySection.getByRole('button', { name: 'Rotate API key' }).click();
    await keySection.getByRole('button', { name: 'Rotate now' }).click();
    const fresh = keySection.getByTestId('rotated-api-key');
    await fresh.waitFor();
    const newKey = (await fresh.textContent()) ?? '';
    expect(newKey).toMatch(/^ciq_/);
    expect(newKey).not.toBe(firstKey);
    await expect.poll(() => keySection.getByTestId('api-key-last4').textContent()).toBe(`••••${newKey.slice(-4)}`);
    expect((await get<SiteDetailDto>(`/sites/${siteId}`, owner.token)).body.apiKeyLast4).toBe(newKey.slice(-4));
    await keySection.getByRole('button', { name: 'Copy key' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newKey);
  });

  it('reveals the identity secret, and a visitor hashed with it is verified and shown as verified to operators', async () => {
    const identity = section('Identity verification');
    await identity.getByText('How to use it').click();
    expect(await identity.getByTestId('identity-server-sample').textContent()).toContain(
      "createHmac('sha256', process.env.CHATIQ_IDENTITY_SECRET)",
    );
    expect(await identity.getByTestId('identity-page-sample').textContent()).toContain('window.chtq.setUser({');
    expect(await page.content()).not.toMatch(/idsec_/);

    await identity.getByRole('button', { name: 'Reveal secret' }).click();
    const secret = (await identity.getByTestId('identity-secret').textContent()) ?? '';
    expect(secret).toMatch(/^idsec_/);
    expect((await get<IdentitySecretDto>(`/sites/${siteId}/identity-secret`, owner.token)).body.secret).toBe(secret);
    await identity.getByRole('button', { name: 'Copy secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, 'sites-manage-en');
    expect(await overflowsSideways(page)).toBe(false);

    visitor = await visitorSocket(publicId);
    expect(await identify(visitor, 'customer-42', userHash('idsec_not-the-secret', 'customer-42'))).toMatchObject({
      ok: false,
      code: 'identity_invalid',
    });
    expect(await identify(visitor, 'customer-42', userHash(secret, 'customer-42'))).toEqual({ ok: true, data: { verified: true } });

    // The operator sees who it is.
    const inbox = await newLoggedPage(browser, 'inbox');
    await inbox.setViewportSize({ width: 1280, height: 720 });
    await signInPage(inbox, adminUrl, owner);
    await inbox.getByTestId('chat-item').first().click();
    const badge = inbox.getByTestId('visitor-verified');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Verified: customer-42');
    await screenshot(inbox, 'inbox-verified-visitor-en');
    await inbox.close();
  });

  it('rotates the identity secret: the old hash is refused at once, a new one is verified', async () => {
    const identity = section('Identity verification');
    const old = (await identity.getByTestId('identity-secret').textContent()) ?? '';
    await identity.getByRole('button', { name: 'Rotate secret' }).click();
    await identity.getByRole('button', { name: 'Rotate now' }).click();
    await identity.getByText('New secret created.', { exact: false }).waitFor();
    const rotated = (await identity.getByTestId('identity-secret').textContent()) ?? '';
    expect(rotated).toMatch(/^idsec_/);
    expect(rotated).not.toBe(old);

    expect(await identify(visitor!, 'customer-43', userHash(old, 'customer-43'))).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect(await identify(visitor!, 'customer-43', userHash(rotated, 'customer-43'))).toEqual({ ok: true, data: { verified: true } });
    await identity.getByRole('button', { name: 'Hide' }).click();
    expect(await identity.getByTestId('identity-secret').count()).toBe(0);
  });

  it('lays the page out at tablet width and in Ukrainian without a missing message', async () => {
    try {
      await layoutInBothLanguages();
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.locator('.language-switcher select').selectOption('en');
      await page.getByRole('heading', { name: 'Sites', level: 1 }).waitFor();
    }
    expect(missing).toEqual([]);
  });

  async function layoutInBothLanguages() {
    await page.setViewportSize({ width: 820, height: 1180 });
    await screenshot(page, 'sites-manage-tablet-en');
    expect(await overflowsSideways(page)).toBe(false);

    await page.locator('.language-switcher select').selectOption('uk');
    await page.getByRole('heading', { name: 'Сайти', level: 1 }).waitFor();
    const manage = row().getByRole('button', { name: 'Керувати' });
    if ((await manage.count()) > 0) await manage.click();
    await row().getByRole('region', { name: 'Перевірка особи' }).waitFor();
    await screenshot(page, 'sites-manage-tablet-uk');
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'sites-manage-uk');
    expect(await overflowsSideways(page)).toBe(false);
  }

  it('shows an operator their sites with the snippet, and nothing to manage', async () => {
    // The seeded demo operator (assigned to the demo site).
    const operator = await newLoggedPage(browser, 'operator');
    await signInPage(operator, adminUrl, { email: 'operator@demo.chatiq.dev', password: 'demo-operator-123' });
    await operator.goto(`${adminUrl}/sites`);
    await operator.getByTestId('site-row').first().waitFor();
    expect(await operator.getByTestId('site-row').count()).toBe(1);
    await operator.getByTestId('site-row').getByRole('button', { name: 'Copy snippet' }).waitFor();
    expect(await operator.getByRole('form', { name: 'Add a site' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Manage' }).count()).toBe(0);
    await operator.close();
  });

  it('deletes the site only after its name is typed', async () => {
    if ((await row().getByRole('button', { name: 'Manage' }).count()) > 0) await row().getByRole('button', { name: 'Manage' }).click();
    const danger = section('Delete the site');
    await danger.getByRole('button', { name: 'Delete site…' }).click();
    const confirm = danger.getByRole('button', { name: 'Delete for good' });
    await danger.getByLabel(`Type the site name “${siteName}” to confirm`).fill('Kvitka');
    expect(await confirm.isDisabled()).toBe(true);
    await danger.getByLabel(`Type the site name “${siteName}” to confirm`).fill(siteName);
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();

    await page.getByTestId('site-deleted').waitFor();
    expect(await page.getByTestId('site-deleted').textContent()).toContain(siteName);
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(0);
    await page.getByText('No sites yet. Add your first one above.').waitFor();
    expect(await get<ErrorBody>(`/sites/${siteId}`, owner.token)).toMatchObject({ status: 404, body: { code: 'site_not_found' } });
    // The visitor's site is gone: the widget's next identify is refused.
    const after = await identify(visitor!, 'customer-44', 'a'.repeat(64));
    expect(after.ok).toBe(false);
    await screenshot(page, 'sites-deleted-en');
  });
});

// The two-stage widget in real Chromium: widget.js (the loader) asks the API once for the launcher's
// look (the embed's fields over the site's saved settings) and draws the launcher in it from the
// first paint, in each embed form (window.chtq with a site id or the organization's id, the legacy
// data-site-id tag, data-project-id with data-title and data-position), without a cookie, a stored
// id, a socket or the chat bundle; the bundle (assets/chat-<hash>.js, next to widget.js) is fetched
// when the visitor reaches for the launcher and started on the first open, and then the chat works.
// An embed the server refuses (unknown id, origin not allowed) shows nothing at all, with one
// console warning. (Sizes: the build and `pnpm bench:widget`.)
import type { SiteDetailDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import {
  afterPageRequests,
  demoPageUrl,
  expectOnlyLauncherLook,
  openTestPage,
  recordRequests,
  rest,
  sendFromWidget,
  type VisitorPage,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const CHAT_BUNDLE = /\/assets\/chat-[A-Z0-9]{8}\.js$/;

describe('widget loader', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let organizationId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'loader');
    organizationId = (await rest<SiteDetailDto>(apiUrl, 'GET', `/sites/${test.site.id}`, { token: test.owner.token })).embed.organizationId;
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A visitor's page recording every request it makes. */
  async function recordedPage(name: string) {
    const page = await visitorPage(browser, name);
    return { page, ...recordRequests(page) };
  }

  /** Only the launcher's look was asked of the API, nothing was stored: the visitor has not engaged yet. */
  async function expectUntouched(page: VisitorPage, apiRequests: string[]) {
    expectOnlyLauncherLook(apiUrl, apiRequests);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.context().cookies()).toEqual([]);
  }

  const forms = [
    { embed: 'chtq', options: {}, title: 'Chat with us', left: false },
    { embed: 'chtq with organizationId', options: { organizationId: '' }, title: 'Chat with us', left: false },
    { embed: 'site-id', options: { position: 'left' }, title: 'Chat with us', left: true },
    { embed: 'project-id', options: { title: 'Write to us', position: 'left', color: '#E11D48' }, title: 'Write to us', left: true },
  ] as const;

  for (const form of forms) {
    it(`${form.embed}: draws the launcher alone, then loads the chat on the first click and chats`, async () => {
      const { page, urls, to } = await recordedPage(form.embed);
      const options: Record<string, string> =
        'organizationId' in form.options ? { embed: 'chtq', organizationId } : { embed: form.embed, ...form.options };
      const url = new URL(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, options));
      if ('organizationId' in form.options) url.searchParams.delete('siteId');
      await page.goto(url.href);
      const launcher = page.locator('.chatiq-launcher');
      await launcher.waitFor();
      await page.waitForLoadState('networkidle');

      // Only the loader so far: no chat bundle, one request for the launcher's look, nothing stored.
      expect(urls().filter((u) => u.endsWith('/widget.js'))).toHaveLength(1);
      expect(urls().filter((u) => CHAT_BUNDLE.test(u))).toEqual([]);
      await expectUntouched(page, to(apiUrl));
      expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
      const box = await launcher.boundingBox();
      expect(box && (form.left ? box.x < 640 : box.x > 640)).toBe(true);
      if ('color' in form.options) {
        expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(225, 29, 72)');
      }

      await launcher.click();
      await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
      const bundles = urls().filter((u) => CHAT_BUNDLE.test(u));
      expect(bundles).toHaveLength(1);
      // Loaded from where widget.js came from, and cached for good (its name carries its hash).
      expect(bundles[0]?.startsWith(`${widgetUrl}/assets/`)).toBe(true);
      const response = await page.request.get(bundles[0]!);
      expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

      expect(await page.locator('.chatiq-title').textContent()).toBe(form.title);
      // The bundle's launcher took the loader's place: one launcher, in the same place (its centre:
      // the pointer on it scales it up a little).
      expect(await page.locator('.chatiq-launcher').count()).toBe(1);
      const after = await page.locator('.chatiq-launcher').boundingBox();
      const centre = (b: typeof box) => (b ? [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)] : null);
      expect(centre(after)).toEqual(centre(box));
      await sendFromWidget(page, `Hello from the ${form.embed} embed`);
      expect(await page.evaluate(() => localStorage.getItem('chatiq_visitor_id'))).toMatch(/\S/);
      // The demo page's SDK listeners heard the widget (queued in chtq.q, or added once widget.js ran).
      expect(await page.locator('#sdk-log li').allTextContents()).toEqual(['ready', 'open']);
      expect(page.warnings).toEqual([]);
    });
  }

  it('fetches the chat bundle when the pointer comes to the launcher, without starting the chat', async () => {
    const { page, urls, to } = await recordedPage('hover');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await page.locator('.chatiq-launcher').hover();
    await expect.poll(() => urls().filter((url) => CHAT_BUNDLE.test(url)).length, { timeout: 5_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.chatiq-panel').count()).toBe(0);
    await expectUntouched(page, to(apiUrl));
  });

  it('shows nothing without a site id, and says so once in the console', async () => {
    const { page, urls, to } = await recordedPage('no-site-id');
    // A page of the widget's origin with the script tag alone (no window.chtq, no data-site-id).
    await openTestPage(page, widgetUrl, '<!doctype html><title>No id</title><p>Shop</p><script async src="/widget.js"></script>');
    // The widget waits a few seconds after the load event for a late window.chtq, then warns.
    await expect.poll(() => page.warnings.length, { timeout: 8_000 }).toBe(1);
    expect(page.warnings[0]).toMatch(/^\[ChatIQ\] No site id \(chtq\.siteId, data-site-id\)/);
    expect(await page.locator('#chatiq-widget-host').count()).toBe(0);
    expect(urls().filter((url) => CHAT_BUNDLE.test(url))).toEqual([]);
    expect(to(apiUrl)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    // It still listens: a window.chtq set even later starts the widget, and warns no more.
    await page.evaluate((config) => Object.assign(window, { chtq: config }), { siteId: test.site.publicId, apiUrl });
    await page.locator('.chatiq-launcher').waitFor();
    expect(page.warnings).toHaveLength(1);
  });

  const refusals = [
    { name: 'an unknown site id', code: 'site_not_found', siteId: async () => 'site_that_does_not_exist' },
    {
      name: 'a page whose origin the site does not allow',
      code: 'origin_not_allowed',
      siteId: async () => (await createSite(apiUrl, test.owner.token, 'Elsewhere', ['https://elsewhere.example'])).publicId,
    },
  ];
  for (const refusal of refusals) {
    it(`${refusal.name}: shows nothing at all, with one console warning`, async () => {
      const { page, urls, to } = await recordedPage(refusal.code);
      await page.addInitScript(() => {
        // Whatever the widget ever adds to the page is seen, however briefly.
        const added: string[] = [];
        Object.assign(window, { __added: added });
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) added.push(node.id);
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(demoPageUrl(widgetUrl, apiUrl, await refusal.siteId()));
      // The loader knows once the API answered: one warning of its own, and no launcher was ever
      // drawn. (The browser itself reports the refused request too.)
      const own = () => page.warnings.filter((warning) => warning.startsWith('[ChatIQ]'));
      await expect.poll(() => own().length, { timeout: 10_000 }).toBe(1);
      expect(own()[0]).toContain(`(${refusal.code}): the chat is not shown.`);
      expect(own()[0]).toContain(refusal.code === 'site_not_found' ? 'No site has this id' : 'does not allow pages from');
      expect(page.warnings.filter((warning) => !warning.startsWith('[ChatIQ]'))).toEqual([
        `Failed to load resource: the server responded with a status of ${refusal.code === 'site_not_found' ? '404 (Not Found)' : '403 (Forbidden)'}`,
      ]);
      expect(await page.evaluate(() => (window as unknown as { __added: string[] }).__added)).not.toContain('chatiq-widget-host');
      expect(await page.locator('#chatiq-widget-host').count()).toBe(0);

      // The SDK stays callable and does nothing: no chat bundle, no socket, no second request.
      await page.evaluate(() => (window as unknown as { chtq: { open(): void; setUser(user: unknown): void } }).chtq.open());
      await afterPageRequests(page, { urls, to }, widgetUrl);
      expect(urls().filter((url) => CHAT_BUNDLE.test(url))).toEqual([]);
      expect(to(apiUrl)).toHaveLength(1);
      expect(await page.locator('#chatiq-widget-host').count()).toBe(0);
      expect(page.warnings).toHaveLength(2);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
    });
  }

  it('draws the launcher where the owner saved it from the first paint (Bottom left, the colour, the size)', async () => {
    const saved = await widgetTestSite(apiUrl, widgetUrl, 'loader-saved');
    await rest(apiUrl, 'PUT', `/sites/${saved.site.id}/widget-settings`, {
      token: saved.owner.token,
      body: { position: 'left', color: '#0f766e', size: 'large' },
    });
    const { page } = await recordedPage('saved-look');
    await page.addInitScript(() => {
      // The launcher as first drawn: measured in the task that puts the widget on the page, before any later change.
      new MutationObserver((_, observer) => {
        const button = document.getElementById('chatiq-widget-host')?.shadowRoot?.querySelector('button');
        if (!button) return;
        observer.disconnect();
        const box = button.getBoundingClientRect();
        Object.assign(window, {
          __first: {
            x: box.x,
            width: box.width,
            background: getComputedStyle(button).backgroundColor,
            label: button.getAttribute('aria-label'),
          },
        });
      }).observe(document, { childList: true, subtree: true });
    });
    // The snippet as the Sites page gives it: the site and the API, no look.
    await page.goto(demoPageUrl(widgetUrl, apiUrl, saved.site.publicId, { language: '' }));
    await page.locator('.chatiq-launcher').waitFor();
    const first = await page.evaluate(() => (window as unknown as { __first: { x: number; width: number; background: string } }).__first);
    expect(first).toEqual({ x: 20, width: 60, background: 'rgb(15, 118, 110)', label: 'Open chat' });
    // The chat takes over in the same place.
    await page.locator('.chatiq-launcher').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    const after = await page.locator('.chatiq-launcher').boundingBox();
    expect(after && Math.round(after.x + after.width / 2)).toBe(50);
    expect(page.warnings).toEqual([]);
  });

  it('starts when window.chtq is set after widget.js ran', async () => {
    const { page } = await recordedPage('late-config');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { embed: 'late' }));
    await page.locator('.chatiq-launcher').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    await sendFromWidget(page, 'Configured late');
    expect(page.warnings).toEqual([]);
  });
});

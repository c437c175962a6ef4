// The two-stage widget in real Chromium: widget.js (the loader) draws the launcher from the embed
// configuration, in each embed form (window.chtq with a site id or the organization's id, the
// legacy data-site-id tag, data-project-id with data-title and data-position), without a request
// to the API, a cookie, a stored id or the chat bundle; the bundle (assets/chat-<hash>.js, next to
// widget.js) is fetched when the visitor reaches for the launcher and started on the first open,
// and then the chat works. An embed the server refuses (unknown id, origin not allowed) shows
// nothing once that is known, with one console warning. (Sizes: the build and `pnpm bench:widget`.)
import type { SiteDetailDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import {
  afterPageRequests,
  demoPageUrl,
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

  /** Nothing reached the API, nothing was stored: the visitor has not engaged yet. */
  async function expectUntouched(page: VisitorPage, apiRequests: string[]) {
    expect(apiRequests).toEqual([]);
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

      // Only the loader so far: no chat bundle, no API request, nothing stored.
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
    await expectUntouched(page, to(apiUrl));
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
    it(`${refusal.name}: asks the server nothing until opened, then shows nothing, with one console warning`, async () => {
      const { page, urls, to } = await recordedPage(refusal.code);
      // The page's timers run as usual until the test moves its clock itself (below).
      await page.clock.install();
      await page.goto(demoPageUrl(widgetUrl, apiUrl, await refusal.siteId()));
      // Consent-first: the widget cannot know before the visitor opens it.
      await page.locator('.chatiq-launcher').waitFor();
      await page.waitForLoadState('networkidle');
      await expectUntouched(page, to(apiUrl));

      await page.locator('.chatiq-launcher').click();
      await expect.poll(() => page.locator('#chatiq-widget-host').count(), { timeout: 10_000 }).toBe(0);
      expect(page.warnings).toHaveLength(1);
      expect(page.warnings[0]).toContain(`[ChatIQ] The chat server refused this widget (${refusal.code})`);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      const requestsBefore = to(apiUrl);
      expect(requestsBefore.filter((url) => url.startsWith('ws'))).toHaveLength(1); // the refused connection

      // The SDK stays callable and does nothing. Then a minute of the page's time passes at once:
      // every timer the widget may have left (a reconnection backs off 10 s at most) fires.
      await page.evaluate(() => (window as unknown as { chtq: { open(): void } }).chtq.open());
      await page.clock.runFor(60_000);
      await afterPageRequests(page, { urls, to }, widgetUrl);
      expect(await page.locator('#chatiq-widget-host').count()).toBe(0);
      expect(to(apiUrl)).toEqual(requestsBefore); // no retry
      expect(page.warnings).toHaveLength(1);
    });
  }

  it('starts when window.chtq is set after widget.js ran', async () => {
    const { page } = await recordedPage('late-config');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { embed: 'late' }));
    await page.locator('.chatiq-launcher').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    await sendFromWidget(page, 'Configured late');
    expect(page.warnings).toEqual([]);
  });
});

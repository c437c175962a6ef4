// The two-stage widget in real Chromium: widget.js (the loader) draws the launcher from the embed
// configuration, in each of the three embed forms, without a request to the API, a stored id or
// the chat bundle; the bundle (assets/chat-<hash>.js, next to widget.js) is fetched when the
// visitor reaches for the launcher and started on the first open, and then the chat works.
// (widget.js's size is measured by the build and `pnpm bench:widget`, not tested here.)
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import {
  demoPageUrl,
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
  const pages: VisitorPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'loader');
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A visitor's page recording every request it makes. */
  async function recordedPage(name: string) {
    const page = await visitorPage(browser, name);
    pages.push(page);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    return { page, urls: () => requests.map((r) => r.url()) };
  }

  const forms = [
    { embed: 'chtq', options: {}, title: 'Chat with us', left: false },
    { embed: 'site-id', options: { position: 'left' }, title: 'Chat with us', left: true },
    { embed: 'project-id', options: { title: 'Write to us', position: 'left', color: '#E11D48' }, title: 'Write to us', left: true },
  ] as const;

  for (const form of forms) {
    it(`${form.embed}: draws the launcher alone, then loads the chat on the first click and chats`, async () => {
      const { page, urls } = await recordedPage(form.embed);
      await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { embed: form.embed, ...form.options }));
      const launcher = page.locator('.chatiq-launcher');
      await launcher.waitFor();
      await page.waitForLoadState('networkidle');

      // Only the loader so far: no chat bundle, no API request, nothing stored.
      expect(urls().filter((url) => url.endsWith('/widget.js'))).toHaveLength(1);
      expect(urls().filter((url) => CHAT_BUNDLE.test(url))).toEqual([]);
      expect(urls().filter((url) => url.startsWith(apiUrl))).toEqual([]);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
      const box = await launcher.boundingBox();
      expect(box && (form.left ? box.x < 640 : box.x > 640)).toBe(true);
      if ('color' in form.options) {
        expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(225, 29, 72)');
      }

      await launcher.click();
      await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
      const bundles = urls().filter((url) => CHAT_BUNDLE.test(url));
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
      expect(page.warnings).toEqual([]);
    });
  }

  it('fetches the chat bundle when the pointer comes to the launcher, without starting the chat', async () => {
    const { page, urls } = await recordedPage('hover');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await page.locator('.chatiq-launcher').hover();
    await expect.poll(() => urls().filter((url) => CHAT_BUNDLE.test(url)).length, { timeout: 5_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.chatiq-panel').count()).toBe(0);
    expect(urls().filter((url) => url.startsWith(apiUrl))).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('window.chtq.open() loads the chat and opens it; the loader queued it', async () => {
    const { page } = await recordedPage('sdk');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language: 'uk' }));
    await page.locator('.chatiq-launcher').waitFor();
    expect(await page.locator('.chatiq-launcher').getAttribute('aria-label')).toBe('Відкрити чат');
    await page.evaluate(() => (window as unknown as { chtq: { open(): void } }).chtq.open());
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    expect(await page.locator('.chatiq-input').getAttribute('placeholder')).toBe('Введіть повідомлення…');
    await page.evaluate(() => (window as unknown as { chtq: { close(): void } }).chtq.close());
    await page.locator('.chatiq-panel').waitFor({ state: 'hidden' });
  });

  it('shows nothing without a site id, and says so once in the console', async () => {
    const { page, urls } = await recordedPage('no-site-id');
    // A page of the widget's origin with the script tag alone (no window.chtq, no data-site-id).
    await page.route(`${widgetUrl}/no-site-id.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>No id</title><p>Shop</p><script async src="/widget.js"></script>',
      }),
    );
    await page.goto(`${widgetUrl}/no-site-id.html`);
    // The widget waits a few seconds after the load event for a late window.chtq, then warns.
    await expect.poll(() => page.warnings.length, { timeout: 8_000 }).toBe(1);
    expect(page.warnings[0]).toMatch(/^\[ChatIQ\] No valid site id/);
    expect(await page.locator('#chatiq-widget-host').count()).toBe(0);
    expect(urls().filter((url) => CHAT_BUNDLE.test(url) || url.startsWith(apiUrl))).toEqual([]);
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

// The widget on pages that make embedding hard, in real Chromium. A page served with a strict
// Content-Security-Policy (no inline script or style at all: only the widget's script origin and
// the API's origins, the directives README.md documents) embedded with the no-inline-script form
// (`<script async src=".../widget.js" data-site-id data-api-url>`): the launcher is drawn fixed in
// its corner with its own styles, the panel opens styled, a message goes both ways, and the page
// sees no policy violation (styles are adopted stylesheets and CSSOM writes, never `<style>` or a
// `style` attribute). A page whose <html> is transformed (which makes it the containing block of
// every fixed element on the page) and scrolled, and a page with a fixed bar at the maximal z-index
// over the widget's corner: the launcher and the panel stay in the viewport and on top (the host is
// in the top layer, a manual popover), where the visitor's pointer reaches them.
import type { ChatSummaryDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { type HostServer, startHostServer } from './support/host-server.js';
import { afterNextFrame } from './support/pages.js';
import {
  type AdminClient,
  connectAdmin,
  emitOk,
  openTestPage,
  openWidget,
  rest,
  sendFromWidget,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

/** The policy a site needs for the widget and nothing else (README.md, "Content-Security-Policy"). */
const strictPolicy = () =>
  [
    "default-src 'none'",
    `script-src ${widgetUrl}`,
    `connect-src ${apiUrl} ${apiUrl.replace(/^http/, 'ws')}`,
    `img-src ${apiUrl} data:`,
    "style-src 'none'",
  ].join('; ');

/** Records the page's Content-Security-Policy violations (from before its first script). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`), true);
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

describe('widget embedding', () => {
  let browser: Browser;
  let host: HostServer;
  let test: WidgetTestSite;
  let admin: AdminClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await startHostServer();
    test = await widgetTestSite(apiUrl, widgetUrl, 'embedding');
    admin = await connectAdmin(apiUrl, test.owner.token);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await host?.close();
  });

  /** The launcher's and the panel's boxes are inside the viewport, and the launcher's centre hits the widget. */
  async function expectInViewAndOnTop(page: Page) {
    const inView = (selector: string) =>
      page.locator(selector).evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
      });
    const hitsWidget = () =>
      page.locator('.chatiq-launcher').evaluate((launcher) => {
        const box = launcher.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.id === 'chatiq-widget-host';
      });
    // The page's `::backdrop` rule (for its own dialogs) does not dim the page behind the widget's host.
    const backdrop = () => page.evaluate(() => getComputedStyle(document.getElementById('chatiq-widget-host')!, '::backdrop').display);
    expect(await inView('.chatiq-launcher')).toBe(true);
    expect(await hitsWidget()).toBe(true);
    expect(await backdrop()).toBe('none');
    await openWidget(page);
    expect(await inView('.chatiq-panel')).toBe(true);
    expect(await inView('.chatiq-header')).toBe(true);
    expect(await hitsWidget()).toBe(true);
    expect(await backdrop()).toBe('none');
    await sendFromWidget(page, 'Reached through whatever the page does');
  }

  const hardPage = (
    site: string,
    css: string,
    body = '',
  ) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hard page</title>
<style>body { margin: 0; } main { height: 4000px; background: linear-gradient(#fff, #ddd); }
::backdrop { background: rgba(255, 0, 0, 0.5) !important; } ${css}</style></head>
<body><main><h1>A long page</h1></main>${body}
<script>window.chtq = ${JSON.stringify({ siteId: site, apiUrl, language: 'en' })};</script><script async src="/widget.js"></script>
</body></html>`;

  it('stays in the viewport when the page transforms <html> and is scrolled', async () => {
    const page = await visitorPage(browser, 'transformed-html');
    await openTestPage(page, widgetUrl, hardPage(test.site.publicId, 'html { transform: translateZ(0); will-change: transform; }'));
    await page.locator('.chatiq-launcher').waitFor();
    await page.evaluate(() => window.scrollTo(0, 2000));
    await afterNextFrame(page);
    await expectInViewAndOnTop(page);
    expect(page.warnings).toEqual([]);
  });

  it('stays on top of a fixed bar with the maximal z-index over its corner', async () => {
    const page = await visitorPage(browser, 'top-bar');
    const bar =
      '<div id="bar" style="position: fixed; left: 0; right: 0; bottom: 0; height: 700px; z-index: 2147483647; background: #222"></div>';
    await openTestPage(page, widgetUrl, hardPage(test.site.publicId, '', bar));
    await page.locator('.chatiq-launcher').waitFor();
    await expectInViewAndOnTop(page);
    expect(page.warnings).toEqual([]);
  });

  it('works, styled, under a strict Content-Security-Policy, with no violation', async () => {
    const site = await createSite(apiUrl, test.owner.token, 'Strict shop', [host.origin]);
    const url = host.page(
      '/strict',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict shop</title></head>
<body><h1>Strict shop</h1><p>No inline script or style here.</p>
<script async src="${widgetUrl}/widget.js" data-site-id="${site.publicId}" data-api-url="${apiUrl}"></script>
</body></html>`,
      { 'content-security-policy': strictPolicy() },
    );
    const page = await visitorPage(browser, 'strict-csp');
    const violations = await watchViolations(page);
    await page.goto(url);

    const launcher = page.locator('.chatiq-launcher');
    await launcher.waitFor();
    const look = await launcher.evaluate((button) => {
      const style = getComputedStyle(button);
      const root = getComputedStyle(button.parentElement!);
      return { position: root.position, radius: style.borderRadius, background: style.backgroundColor, width: style.width };
    });
    expect(look).toEqual({ position: 'fixed', radius: '50%', background: 'rgb(37, 99, 235)', width: '56px' });
    const box = await launcher.boundingBox();
    expect(box && [Math.round(box.x + box.width), Math.round(box.y + box.height)]).toEqual([1280 - 20, 800 - 20]);

    await openWidget(page);
    const panel = await page.locator('.chatiq-panel').evaluate((element) => {
      const style = getComputedStyle(element);
      return { width: style.width, background: style.backgroundColor, radius: style.borderRadius, display: style.display };
    });
    expect(panel).toEqual({
      width: '370px',
      background: 'rgb(255, 255, 255)',
      radius: expect.stringMatching(/^[1-9]\d*px$/),
      display: 'flex',
    });
    const header = await page.locator('.chatiq-header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(header).toBe('rgb(37, 99, 235)');

    const text = 'Hello from a page with a strict policy';
    await sendFromWidget(page, text);
    let chat: ChatSummaryDto | undefined;
    await expect
      .poll(async () => {
        chat = (await rest<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${site.id}`, { token: test.owner.token }))[0];
        return chat?.lastMessage?.text;
      })
      .toBe(text);
    await emitOk(admin, 'admin:message', { chatId: chat!.id, clientId: `csp-reply-${Date.now()}`, text: 'Styled and answered.' });
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Styled and answered.' }).waitFor({ timeout: 10_000 });

    expect(await violations()).toEqual([]);
    expect(page.warnings).toEqual([]);
  });
});

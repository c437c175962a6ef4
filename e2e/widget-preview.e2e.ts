// The admin panel's live preview (widget-cdn/public/preview.html) in real Chromium: a parent page
// frames it, hears 'chatiq:preview:ready', posts settings, and the widget inside the frame takes
// them (colour of the launcher and the header, title, position, size, language, welcome message)
// while showing a sample conversation; invalid fields and messages from anyone but the parent are
// ignored; no request reaches the API and nothing is written to localStorage.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { openTestPage, recordRequests, type VisitorPage, visitorPage } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const adminUrl = inject('adminUrl');

/** The admin panel's side, reduced to what the contract says: a frame, the ready message, settings posted to it. */
const PARENT_PAGE = (language: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Settings</title></head><body>
<h1>Widget settings</h1>
<iframe id="preview" title="Preview" src="${widgetUrl}/preview.html?language=${language}" style="width:420px;height:680px;border:1px solid #ccc"></iframe>
<script>
  window.__messages = [];
  addEventListener('message', (event) => window.__messages.push({ origin: event.origin, data: event.data }));
  window.postSettings = (settings) =>
    document.getElementById('preview').contentWindow.postMessage({ type: 'chatiq:preview:settings', settings }, '*');
</script>
</body></html>`;

const SETTINGS = {
  color: '#e11d48',
  title: 'Lumen help desk',
  welcomeMessage: 'Welcome to Lumen Lamps!',
  position: 'left',
  size: 'large',
  language: 'en',
};

describe('widget preview', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openParent(
    name: string,
    language = 'en',
  ): Promise<{ page: VisitorPage; frame: Frame; requests: ReturnType<typeof recordRequests> }> {
    // The panel's own policy is not this test's (panel-security-headers.e2e.ts checks the real page).
    const page = await visitorPage(browser, name, { bypassCSP: true });
    const requests = recordRequests(page);
    // A page of the admin panel's origin, as the real settings page is (its inline script is the test's).
    await openTestPage(page, adminUrl, PARENT_PAGE(language));
    await expect
      .poll(
        () => page.evaluate(() => (window as unknown as { __messages: { data: { type?: string } }[] }).__messages.map((m) => m.data.type)),
        {
          timeout: 10_000,
        },
      )
      .toEqual(['chatiq:preview:ready']);
    const frame = page.frames().find((f) => f.url().startsWith(`${widgetUrl}/preview.html`));
    if (!frame) throw new Error('no preview frame');
    return { page, frame, requests };
  }

  const post = (page: Page, settings: unknown) =>
    page.evaluate((s) => (window as unknown as { postSettings(s: unknown): void }).postSettings(s), settings);
  const background = (frame: Frame, selector: string) => frame.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

  it('shows the open widget with a sample conversation and follows the settings the parent posts', async () => {
    const { page, frame, requests } = await openParent('preview');
    expect((await page.evaluate(() => (window as unknown as { __messages: { origin: string }[] }).__messages))[0]?.origin).toBe(widgetUrl);

    // Open at once, on a sample: the welcome, a visitor, an operator with a name, the assistant marked as such.
    await frame.locator('.chatiq-panel').waitFor({ state: 'visible' });
    expect(await frame.locator('.chatiq-welcome').isVisible()).toBe(true);
    expect(await frame.locator('.chatiq-msg[data-author="visitor"]').count()).toBe(1);
    expect(await frame.locator('.chatiq-msg[data-author="operator"]').getAttribute('data-author-name')).toBe('Olena');
    expect(await frame.locator('.chatiq-msg[data-author="ai"]').getAttribute('data-badge')).toBe('AI');
    expect(await frame.locator('.chatiq-presence').textContent()).toBe('Online');

    await post(page, SETTINGS);
    await expect.poll(() => background(frame, '.chatiq-launcher')).toBe('rgb(225, 29, 72)');
    expect(await background(frame, '.chatiq-header')).toBe('rgb(225, 29, 72)');
    expect(await frame.locator('.chatiq-title').textContent()).toBe('Lumen help desk');
    expect(await frame.locator('.chatiq-welcome').textContent()).toBe('Welcome to Lumen Lamps!');
    const launcher = await frame.locator('.chatiq-launcher').boundingBox();
    expect(launcher!.x).toBeLessThan(100); // on the left of the 420px frame
    expect(launcher!.width).toBe(60); // large
    expect(await frame.locator('.chatiq-panel').evaluate((el) => el.getBoundingClientRect().width)).toBe(380); // large, in a 420px frame

    // Again, any number of times: Ukrainian, on the right, another colour.
    await post(page, { ...SETTINGS, color: '#10b981', position: 'right', size: 'compact', language: 'uk', title: 'Допомога' });
    await expect.poll(() => frame.locator('.chatiq-input').getAttribute('placeholder')).toBe('Введіть повідомлення…');
    expect(await background(frame, '.chatiq-header')).toBe('rgb(16, 185, 129)');
    expect(await frame.locator('.chatiq-title').textContent()).toBe('Допомога');
    expect(await frame.locator('.chatiq-msg[data-author="operator"]').getAttribute('data-author-name')).toBe('Олена');
    expect((await frame.locator('.chatiq-launcher').boundingBox())!.x).toBeGreaterThan(300);

    // Invalid fields are dropped, the valid ones in the same message applied.
    await post(page, { color: 'red; background: url(https://evil.example/x)', title: 'Still valid', position: 'top', language: 'de' });
    await expect.poll(() => frame.locator('.chatiq-title').textContent()).toBe('Still valid');
    expect(await background(frame, '.chatiq-header')).toBe('rgb(16, 185, 129)');
    expect((await frame.locator('.chatiq-launcher').boundingBox())!.x).toBeGreaterThan(300);

    // Only the parent is listened to: the frame's own window (or anyone else) posting changes nothing.
    await frame.evaluate(() =>
      window.postMessage({ type: 'chatiq:preview:settings', settings: { title: 'Hijacked', color: '#000000' } }, '*'),
    );
    // Checked below, once the parent's next post (dispatched after that one) has been applied: the
    // hijacked color must not have been.

    // Nothing reached the API; nothing was stored; the built-in title means the translated one.
    await post(page, { title: 'Chat with us' });
    await expect.poll(() => frame.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    expect(await background(frame, '.chatiq-header')).toBe('rgb(16, 185, 129)');
    expect(requests.to(apiUrl)).toEqual([]);
    expect(requests.urls().some((u) => u.includes('/socket.io/'))).toBe(false);
    expect(await frame.evaluate(() => localStorage.length)).toBe(0);
    expect(page.warnings).toEqual([]);
  });

  it('starts in the language its address gives', async () => {
    const { frame } = await openParent('preview-uk', 'uk');
    await frame.locator('.chatiq-panel').waitFor({ state: 'visible' });
    expect(await frame.locator('.chatiq-input').getAttribute('placeholder')).toBe('Введіть повідомлення…');
    expect(await frame.locator('.chatiq-welcome').textContent()).toBe('Вітаємо! Чим можемо допомогти?');
  });
});

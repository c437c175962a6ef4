// Markup where text belongs, in real Chromium against the running API: an operator's name, the
// messages of both sides, the widget settings (title, welcome text), the site's welcome message
// and off-hours text, and a file's name — each full of HTML and script — are shown as the very
// text they are; nothing of them runs or becomes an element.
import type { AttachmentUploadResult, AuthResponse, ChatSummaryDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tinyPng } from '../api-server/src/uploads/test-files.js';
import { createSite } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { connectAdmin, demoPageUrl, emitOk, openWidget, rest, sendFromWidget, visitorPage } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

const xss = (n: number) => `<img src=x onerror="window.__xss=${n}"><script>window.__xss=${n}</script><b>bold</b> & "quotes"`;

describe('widget: text stays text', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows names, messages, settings, welcome and off-hours texts and file names with markup as text, and runs none of it', async () => {
    const run = Date.now().toString(36);
    // An operator whose name is markup (names are free text).
    const owner = await rest<AuthResponse>(apiUrl, 'POST', '/auth/register', {
      body: { name: xss(1), email: `xss-${run}@owner.test`, password: 'sunflower-fields-42', organizationName: `XSS ${run}` },
    });
    const token = owner.accessToken;
    const site = await createSite(apiUrl, token, 'XSS shop', [widgetUrl]);
    await rest(apiUrl, 'PUT', `/sites/${site.id}/widget-settings`, {
      token,
      body: { title: '<i>T</i><img src=x onerror="window.__xss=2">', welcomeMessage: xss(3) },
    });
    await rest(apiUrl, 'PUT', `/sites/${site.id}/welcome-messages`, { token, body: { messages: [{ language: '*', text: xss(4) }] } });

    const page = await visitorPage(browser, 'xss');
    // No language in the snippet: the site's settings decide; no title either: the site's shows.
    await page.goto(demoPageUrl(widgetUrl, apiUrl, site.publicId, { language: '' }));
    await openWidget(page);
    await expect.poll(() => page.locator('.chatiq-title').textContent()).toBe('<i>T</i><img src=x onerror="window.__xss=2">');
    await expect.poll(() => page.locator('.chatiq-welcome').textContent(), { timeout: 10_000 }).toBe(xss(4));
    expect(await page.locator('.chatiq-greeting').textContent()).toBe(xss(3));

    await sendFromWidget(page, xss(5));
    const chats = await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token });
    const chat = chats.find((c) => c.lastMessage?.text === xss(5))!;
    const admin = await connectAdmin(apiUrl, token);
    try {
      await emitOk(admin, 'admin:join', { chatId: chat.id, afterSeq: 0 });
      await emitOk(admin, 'admin:message', { chatId: chat.id, clientId: `xss-${run}`, text: xss(6) });
      const operator = page.locator('.chatiq-msg[data-author="operator"]');
      await operator.waitFor({ timeout: 10_000 });
      expect(await operator.locator('.chatiq-msg-text').textContent()).toBe(xss(6));
      expect(await operator.getAttribute('data-author-name')).toBe(xss(1));
      await emitOk(admin, 'admin:typing', { chatId: chat.id, typing: true });
      await expect.poll(() => page.locator('.chatiq-typing').textContent()).toBe(`${xss(1)} is typing…`);

      // A file whose name is markup.
      const form = new FormData();
      form.append('clientId', `xss-file-${run}`);
      form.append('text', '');
      form.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), '<img src=x onerror="window.__xss=7">.png');
      await rest<AttachmentUploadResult>(apiUrl, 'POST', `/chats/${chat.id}/attachments`, { token, form });
      await page.locator('.chatiq-file img').waitFor({ timeout: 10_000 });
      expect(await page.locator('.chatiq-file img').getAttribute('alt')).toBe('<img src=x onerror="window.__xss=7">.png');
    } finally {
      admin.close();
    }

    // Closed hours with a markup off-hours text.
    await rest(apiUrl, 'PUT', `/sites/${site.id}/business-hours`, {
      token,
      body: { timezone: 'Europe/Kyiv', enabled: true, weekly: [], exceptions: [], offHoursMessage: xss(8) },
    });
    await expect.poll(() => page.locator('.chatiq-offhours').textContent(), { timeout: 10_000 }).toBe(xss(8));

    expect(await page.locator('.chatiq-msg[data-author="visitor"] .chatiq-msg-text').textContent()).toBe(xss(5));
    // Nothing ran, and the only image in the widget is the uploaded file's.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(
      await page.evaluate(() => {
        const root = document.getElementById('chatiq-widget-host')!.shadowRoot!;
        return {
          scripts: root.querySelectorAll('script, b, i').length,
          images: [...root.querySelectorAll('img')].map((img) => img.className),
        };
      }),
    ).toEqual({ scripts: 0, images: [''] });
    expect(await page.evaluate(() => document.querySelectorAll('body img, body b').length)).toBe(0);
  });
});

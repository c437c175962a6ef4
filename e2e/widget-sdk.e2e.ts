// The JS SDK on window.chtq in real Chromium against the running API: calls queued in `chtq.q`
// before widget.js runs, `on`/`off` for 'ready', 'open', 'close' and 'message' (working before the
// chat is loaded), `open`/`close`/`toggle`, `setLocale` switching every string live (before and
// after the chat is loaded), and `setUser` with identity verification: kept until the visitor opens
// the chat (it never connects by itself), then sent as `visitor:identify` with the user id and its
// HMAC, which the server checks (`identity_invalid` for a wrong hash: nothing stored, one warning).
import { createHmac } from 'node:crypto';
import type { ChatSummaryDto, IdentitySecretDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import {
  type AdminClient,
  afterPageRequests,
  connectAdmin,
  emitOk,
  expectOnlyLauncherLook,
  openTestPage,
  recordRequests,
  rest,
  sdkEvents,
  sdkPageHtml,
  sendFromWidget,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const CHAT_BUNDLE = /\/assets\/chat-[A-Z0-9]{8}\.js$/;

/** `window.chtq` in the page (page.evaluate callbacks run there: `(window as unknown as Win).chtq`). */
type Win = { chtq: Chtq; __events: unknown[]; __onMessage: () => void };
type Chtq = {
  open(): void;
  close(): void;
  toggle(): void;
  setLocale(language: string): void;
  setUser(user: unknown): void;
  on(event: string, listener: (payload?: unknown) => void): void;
  off(event: string, listener: (payload?: unknown) => void): void;
  q: { push(command: unknown[]): void };
};

describe('widget SDK', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let admin: AdminClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'sdk');
    admin = await connectAdmin(apiUrl, test.owner.token);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  const chats = () => rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token });
  const config = (extra: Record<string, unknown> = {}) => ({ siteId: test.site.publicId, apiUrl, language: 'en', ...extra });

  it("runs the queued calls, reports ready/open/close/message to the page's listeners, and off() stops one", async () => {
    const page = await visitorPage(browser, 'events');
    const requests = recordRequests(page);
    await openTestPage(page, widgetUrl, sdkPageHtml(config()));
    await page.locator('.chatiq-launcher').waitFor();
    await expect.poll(() => sdkEvents(page)).toEqual(['ready']);
    // A listener added later hears 'ready' too (the widget is on the page already).
    await page.evaluate(() => (window as unknown as Win).chtq.on('ready', () => (window as unknown as Win).__events.push('ready again')));
    await expect.poll(() => sdkEvents(page)).toEqual(['ready', 'ready again']);
    expectOnlyLauncherLook(apiUrl, requests.to(apiUrl));

    // open() before the chat is loaded: the loader loads it, then opens.
    await page.evaluate(() => (window as unknown as Win).chtq.open());
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    await expect.poll(() => sdkEvents(page)).toEqual(['ready', 'ready again', 'open']);
    await page.locator('.chatiq-close').click();
    await expect.poll(() => sdkEvents(page)).toEqual(['ready', 'ready again', 'open', 'close']);
    await page.evaluate(() => (window as unknown as Win).chtq.toggle());
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    // `chtq.q.push` after widget.js ran works at once.
    await page.evaluate(() => (window as unknown as Win).chtq.q.push(['close']));
    await page.locator('.chatiq-panel').waitFor({ state: 'hidden' });
    await page.evaluate(() => (window as unknown as Win).chtq.open());
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    expect(await sdkEvents(page)).toEqual(['ready', 'ready again', 'open', 'close', 'open', 'close', 'open']);

    // 'message': what the operator sends, not the visitor's own messages.
    await sendFromWidget(page, 'Is the teal pendant dimmable?');
    const chatId = (await chats()).find((c) => c.lastMessage?.text === 'Is the teal pendant dimmable?')!.id;
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
    await emitOk(admin, 'admin:message', { chatId, clientId: `sdk-${Date.now()}`, text: 'Yes, with any dimmer.' });
    await expect.poll(async () => (await sdkEvents(page)).filter((e) => Array.isArray(e))).toHaveLength(1);
    const [, message] = (await sdkEvents(page)).find((e) => Array.isArray(e)) as [string, Record<string, unknown>];
    expect(message).toMatchObject({
      chatId,
      author: 'operator',
      authorName: 'Iryna Owner',
      text: 'Yes, with any dimmer.',
      attachment: null,
      id: expect.any(String),
      createdAt: expect.any(String),
    });

    // Another listener stays: once it has the next message, the removed one would have had it too.
    await page.evaluate(() => {
      const w = window as unknown as Win & { __stillListening: unknown[] };
      w.__stillListening = [];
      w.chtq.on('message', (message: unknown) => w.__stillListening.push(message));
      w.chtq.off('message', w.__onMessage);
    });
    await emitOk(admin, 'admin:message', { chatId, clientId: `sdk-2-${Date.now()}`, text: 'Anything else?' });
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Anything else?' }).waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stillListening: unknown[] }).__stillListening.length)).toBe(1);
    expect((await sdkEvents(page)).filter((e) => Array.isArray(e))).toHaveLength(1);
    expect(page.warnings).toEqual([]);
  });

  it('setLocale switches every string at once, before the chat is loaded and after', async () => {
    const page = await visitorPage(browser, 'locale');
    const requests = recordRequests(page);
    await openTestPage(page, widgetUrl, sdkPageHtml(config()));
    const launcher = page.locator('.chatiq-launcher');
    await launcher.waitFor();
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat');

    // Before the chat: the launcher is relabelled (the chat bundle is loaded for it, the API is not asked again).
    await page.evaluate(() => (window as unknown as Win).chtq.setLocale('uk'));
    await expect.poll(() => launcher.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Відкрити чат'); // the bundle loads first
    expect(requests.urls().some((u) => CHAT_BUNDLE.test(u))).toBe(true);
    await afterPageRequests(page, requests, widgetUrl); // whatever the booted chat started is recorded
    expectOnlyLauncherLook(apiUrl, requests.to(apiUrl));
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await launcher.click();
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    const input = page.locator('.chatiq-input');
    expect(await input.getAttribute('placeholder')).toBe('Введіть повідомлення…');
    expect(await page.locator('.chatiq-title').textContent()).toBe('Напишіть нам');
    await sendFromWidget(page, 'Привіт!');

    // After: live, while the panel is open, the site's settings notwithstanding.
    await page.evaluate(() => (window as unknown as Win).chtq.setLocale('en'));
    await expect.poll(() => input.getAttribute('placeholder')).toBe('Type a message…');
    expect(await page.locator('.chatiq-title').textContent()).toBe('Chat with us');
    expect(await page.locator('.chatiq-close').getAttribute('aria-label')).toBe('Close chat');
    expect(await launcher.getAttribute('aria-label')).toBe('Close chat');
    expect(await page.locator('.chatiq-root').getAttribute('lang')).toBe('en');

    // An unsupported language changes nothing and says why, once.
    await page.evaluate(() => (window as unknown as Win).chtq.setLocale('de'));
    await expect.poll(() => page.warnings.length).toBe(1);
    expect(page.warnings[0]).toContain('setLocale: "de" is not a supported language');
    expect(await input.getAttribute('placeholder')).toBe('Type a message…');
  });

  describe('setUser (identity verification)', () => {
    let secret: string;
    const hash = (userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

    beforeAll(async () => {
      secret = (await rest<IdentitySecretDto>(apiUrl, 'GET', `/sites/${test.site.id}/identity-secret`, { token: test.owner.token })).secret;
      expect(secret).toMatch(/\S{16,}/);
    });

    it('is kept until the visitor opens the chat, then the server verifies the user', async () => {
      const page = await visitorPage(browser, 'set-user');
      const requests = recordRequests(page);
      const user = { id: `user-${Date.now()}`, name: 'Olha Kovalenko', email: 'olha@example.com' };
      // Queued before widget.js runs, like a page that knows its user at once.
      const queued = `window.chtq.q.push(['setUser', ${JSON.stringify({ ...user, hash: hash(user.id) })}]);`;
      await openTestPage(page, widgetUrl, sdkPageHtml(config(), queued));
      await page.locator('.chatiq-launcher').waitFor();
      // The queue has run, setUser included: 'ready' (queued before it) is answered in a task after
      // the whole queue. Then a sentinel request: whatever setUser started would be recorded before it.
      await expect.poll(() => sdkEvents(page)).toContain('ready');
      await afterPageRequests(page, requests, widgetUrl);
      // Consent-first: setUser alone opens no socket, sends nothing, stores nothing (the one request is the launcher's look).
      expectOnlyLauncherLook(apiUrl, requests.to(apiUrl));
      expect(requests.urls().some((u) => CHAT_BUNDLE.test(u))).toBe(false);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);

      await page.locator('.chatiq-launcher').click();
      await sendFromWidget(page, 'Where is my order?');
      await expect
        .poll(async () => (await chats()).find((c) => c.lastMessage?.text === 'Where is my order?')?.visitor, { timeout: 10_000 })
        .toMatchObject({ externalUserId: user.id, identityVerified: true, name: user.name, email: user.email });
      expect(page.warnings).toEqual([]);
    });

    it('a user given after the chat opened is sent at once; a wrong hash is refused and nothing is stored', async () => {
      const page = await visitorPage(browser, 'set-user-bad');
      await openTestPage(page, widgetUrl, sdkPageHtml(config()));
      await page.locator('.chatiq-launcher').click();
      await sendFromWidget(page, 'Hello, I am logged in');
      const visitorOf = async () => (await chats()).find((c) => c.lastMessage?.text === 'Hello, I am logged in')?.visitor;

      await page.evaluate((u) => (window as unknown as Win).chtq.setUser(u), {
        id: 'user-forged',
        name: 'Mallory',
        hash: hash('someone-else'),
      });
      await expect.poll(() => page.warnings.length, { timeout: 10_000 }).toBe(1);
      expect(page.warnings[0]).toContain('identity_invalid');
      expect(await visitorOf()).toMatchObject({ externalUserId: null, identityVerified: false, name: null });

      // Malformed input is refused by the widget itself (the server is not asked).
      await page.evaluate(() => (window as unknown as Win).chtq.setUser({ id: 'user-1' }));
      await expect.poll(() => page.warnings.length).toBe(2);
      expect(page.warnings[1]).toContain('setUser: hash must be the hex HMAC-SHA256');

      const id = `user-late-${Date.now()}`;
      await page.evaluate((u) => (window as unknown as Win).chtq.setUser(u), { id, name: 'Taras', hash: hash(id) });
      await expect.poll(visitorOf, { timeout: 10_000 }).toMatchObject({ externalUserId: id, identityVerified: true, name: 'Taras' });
      expect(page.warnings).toHaveLength(2);
    });
  });
});

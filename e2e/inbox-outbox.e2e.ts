// The admin panel's outbox across a reload, in real Chromium: an operator replies while the API's
// realtime connection cannot be made from their tab (every WebSocket the page opens to the API goes
// through a Playwright route from the start: the test closes the live one and refuses new ones;
// the panel and the REST API stay reachable), sees "Sending…", reloads the tab
// while the reply is pending, still sees it pending after the reload (the outbox lives in the
// tab's sessionStorage), and once the connection is allowed again the reply is sent with its
// client id: the visitor receives it exactly once.
import type { MessageDto } from '@chatiq/contracts';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, DEMO_OPERATOR, login, signIn, type Visitor } from './support/inbox-support.js';
import { newLoggedPage } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 15_000 };

describe('the inbox outbox survives a reload', () => {
  let browser: Browser;
  let operator: Page;
  let context: BrowserContext;
  let visitor: Visitor;
  let blocked = false;
  const live = new Set<WebSocketRoute>();
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launchBrowser();
    operator = await newLoggedPage(browser, 'operator');
    context = operator.context();
    // Every realtime connection of the tab to the API passes through this route, so the test can
    // cut the live one and refuse new ones deterministically (no emulated offline: a reconnect
    // attempt racing the switch back online could slip past it).
    const apiWsOrigin = new URL(apiUrl).origin.replace(/^http/, 'ws');
    await context.routeWebSocket(
      (url) => url.origin === apiWsOrigin,
      (ws) => {
        if (blocked) {
          ws.close();
          return;
        }
        ws.connectToServer();
        live.add(ws);
      },
    );
    await signIn(operator, adminUrl, DEMO_OPERATOR);
    visitor = await connectVisitor(apiUrl, 'site_demo', widgetUrl, 'Outbox Visitor');
  });
  afterAll(async () => {
    visitor?.close();
    await browser?.close();
  });

  it('keeps a pending reply through a reload of the tab and delivers it once when the connection is back', async () => {
    const question = `Is my parcel on its way? (${stamp})`;
    const reply = `Sent while cut off (${stamp})`;
    await visitor.say(question);
    const item = operator.getByTestId('chat-item').filter({ hasText: question });
    await item.waitFor(WAIT);
    await item.click();
    await operator.locator('.message[data-author="visitor"]', { hasText: question }).waitFor(WAIT);

    // From now on the tab cannot open a realtime connection to the API (REST still works), and
    // the one it has is closed: the panel says it is reconnecting.
    blocked = true;
    for (const ws of live) await ws.close();
    live.clear();
    await operator.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 30_000 });

    await operator.getByLabel('Reply').fill(reply);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    const pending = operator.locator('.message[data-status="pending"]', { hasText: reply });
    await pending.waitFor(WAIT);
    expect(await pending.textContent()).toContain('Sending…');

    // Reloaded while pending: the chat list comes over REST, the reply is still waiting.
    await operator.reload();
    await operator.getByText('Reconnecting…', { exact: true }).waitFor({ timeout: 30_000 });
    await item.waitFor(WAIT);
    await item.click();
    await pending.waitFor(WAIT);
    expect(await pending.textContent()).toContain('Sending…');
    expect(await operator.locator('.message[data-author="operator"][data-message-id]', { hasText: reply }).count()).toBe(0);
    const token = (await login(apiUrl, DEMO_OPERATOR)).accessToken;
    const chatId = (await item.getAttribute('data-chat-id'))!;
    const storedTexts = async () => (await call<MessageDto[]>(apiUrl, 'GET', `/chats/${chatId}/messages`, { token })).map((m) => m.text);
    expect(await storedTexts()).not.toContain(reply); // not sent yet: it only waited in the tab
    expect(visitor.received.map((m) => m.text)).not.toContain(reply);

    // Back online: the panel reconnects, resends the entry with its client id, and it is stored.
    blocked = false;
    await operator.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
    await operator.locator('.message[data-author="operator"][data-message-id]', { hasText: reply }).waitFor(WAIT);
    await pending.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => visitor.received.some((m) => m.text === reply), WAIT).toBe(true);

    // Exactly once: a later reply reaches the visitor after anything sent before it (one
    // connection keeps its order), and the entry left the outbox when it was acknowledged.
    const later = `And one more thing (${stamp})`;
    await operator.getByLabel('Reply').fill(later);
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => visitor.received.some((m) => m.text === later), WAIT).toBe(true);
    expect(visitor.received.filter((m) => m.text === reply)).toHaveLength(1);
    expect((await storedTexts()).filter((text) => text === reply)).toHaveLength(1);
    expect(await operator.locator('.message[data-author="operator"]', { hasText: reply }).count()).toBe(1);
    expect(await operator.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('chatiq.outbox.')))).toEqual([]);
  });
});

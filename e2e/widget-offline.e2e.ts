// Reconnection in real Chromium against the running API: the visitor's network goes away, the
// widget says so, the visitor keeps writing and the operator answers meanwhile; when the network
// is back the widget reconnects by itself, delivers what was written offline exactly once (same
// client ids) and shows the operator's answer it missed, once.
import type { ChatSummaryDto, MessageCreatedPayload, MessageDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import {
  type AdminClient,
  connectAdmin,
  demoPageUrl,
  emitOk,
  openWidget,
  rest,
  sendFromWidget,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

describe('widget offline and back', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let admin: AdminClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'offline');
    admin = await connectAdmin(apiUrl, test.owner.token);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  it('keeps what the visitor writes offline and delivers it once after the reconnect, with what it missed', async () => {
    const page = await visitorPage(browser, 'offline');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'Before the tunnel');
    const chats = await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token });
    const chatId = chats.find((c) => c.lastMessage?.text === 'Before the tunnel')!.id;
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
    const created: string[] = [];
    admin.on('message:created', (payload: MessageCreatedPayload) => {
      if (payload.message.chatId === chatId) created.push(payload.message.text);
    });

    await page.context().setOffline(true);
    const banner = page.locator('.chatiq-banner');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toBe('No connection. Reconnecting…');
    const offline = ['Written in the tunnel', 'And a second one 👋'];
    for (const text of offline) {
      await page.locator('.chatiq-input').fill(text);
      await page.locator('.chatiq-input').press('Enter');
    }
    // Shown at once, waiting.
    for (const text of offline) {
      expect(await page.locator('.chatiq-msg[data-author="visitor"]', { hasText: text }).getAttribute('data-status')).toBe('pending');
    }
    // The operator has its own reply from the acknowledgement (no message:created echo).
    await emitOk(admin, 'admin:message', { chatId, clientId: `offline-reply-${Date.now()}`, text: 'Answered while you were away' });

    await page.context().setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 30_000 });
    for (const text of offline) {
      await page.locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: text }).waitFor({ timeout: 10_000 });
    }
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Answered while you were away' }).waitFor({ timeout: 10_000 });
    // The barrier for "no duplicate", instead of a pause: a later operator message reaches the
    // widget after anything sent to it before, and its acknowledgement reaches the operator's
    // socket after anything sent to that socket before.
    await emitOk(admin, 'admin:message', { chatId, clientId: `offline-later-${Date.now()}`, text: 'Anything else?' });
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Anything else?' }).waitFor({ timeout: 10_000 });

    // Once each: on the operator's socket, in the stored chat and in the widget.
    expect(created).toEqual(offline);
    const stored = await rest<MessageDto[]>(apiUrl, 'GET', `/chats/${chatId}/messages`, { token: test.owner.token });
    expect(stored.map((m) => m.text)).toEqual(['Before the tunnel', 'Answered while you were away', ...offline, 'Anything else?']);
    expect(await page.locator('.chatiq-msg .chatiq-msg-text').allTextContents()).toEqual([
      'Before the tunnel',
      'Answered while you were away',
      ...offline,
      'Anything else?',
    ]);
    // In the order written, after the reply the widget missed (the server numbered them so).
    expect(page.warnings.filter((w) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(w))).toEqual([]);
  });
});

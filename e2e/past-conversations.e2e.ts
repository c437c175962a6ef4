// Past conversations in real Chromium, in English and Ukrainian: a returning visitor finds the
// conversation before the current one under "Previous conversations" in the widget and reads it
// (without the operators' private note); the operator's visitor panel lists the visitor's other
// conversations and opens one in the inbox.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { connectVisitor, signIn, type Visitor } from './support/inbox-support.js';
import { resultsDir } from './support/system.js';
import {
  type AdminClient,
  connectAdmin,
  demoPageUrl,
  emitOk,
  openWidget,
  sendFromWidget,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 15_000 };
const NOTE = 'Private: asked for a discount twice';

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe('past conversations', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let admin: AdminClient;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'history');
    admin = await connectAdmin(apiUrl, test.owner.token);
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    admin?.close();
    await browser?.close();
  });

  /** The operator answers a chat, leaves a private note and resolves it. */
  async function answerAndResolve(chatId: string, answer: string) {
    await emitOk(admin, 'admin:message', { chatId, clientId: crypto.randomUUID(), text: answer });
    await emitOk(admin, 'admin:note', { chatId, clientId: crypto.randomUUID(), text: NOTE });
    await emitOk(admin, 'chat:resolve', { chatId });
  }

  it('the widget lists the earlier conversation and shows it read only, without notes (en, then uk after a reload)', async () => {
    const page = await visitorPage(browser, 'returning visitor');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'Do you deliver on Sundays?');
    const chats = await fetch(`${apiUrl}/chats`, { headers: { authorization: `Bearer ${test.owner.token}` } }).then(
      (r) => r.json() as Promise<{ id: string }[]>,
    );
    await answerAndResolve(chats[0]!.id, 'Only on Saturdays, sorry.');
    await page.locator('.chatiq-closed').waitFor({ state: 'visible', ...WAIT });
    // No entry while the only conversation is the current one.
    expect(await page.locator('.chatiq-history-entry:visible').count()).toBe(0);

    // The next message starts a new conversation: the resolved one becomes a past one.
    await sendFromWidget(page, 'Then Saturday it is.');
    const entry = page.locator('.chatiq-history-entry');
    await entry.waitFor({ state: 'visible', ...WAIT });
    expect(await entry.textContent()).toBe('Previous conversations');
    await entry.click();
    const item = page.locator('.chatiq-history-item');
    await item.waitFor({ state: 'visible', ...WAIT });
    expect(await item.count()).toBe(1); // the current conversation is not a past one
    expect(await item.textContent()).toContain('Closed');
    expect(await item.locator('.chatiq-history-preview').textContent()).toBe('Only on Saturdays, sorry.');
    expect(await page.locator('.chatiq-composer').isVisible()).toBe(false); // the list is in the conversation's place
    await shot(page, 'widget-history-list-en');

    await item.click();
    const log = page.locator('.chatiq-history-log');
    await log.locator('.chatiq-msg', { hasText: 'Only on Saturdays, sorry.' }).waitFor(WAIT);
    expect(await log.locator('.chatiq-msg .chatiq-msg-text').allTextContents()).toEqual([
      'Do you deliver on Sundays?',
      'Only on Saturdays, sorry.',
    ]);
    expect(await page.locator('.chatiq-panel').textContent()).not.toContain(NOTE);
    await shot(page, 'widget-history-chat-en');

    await page.locator('.chatiq-history-back').click(); // "All conversations"
    await item.waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('.chatiq-history-back').textContent()).toBe('Back to the chat');
    await page.locator('.chatiq-history-back').click();
    await page.locator('.chatiq-composer').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('.chatiq-messages .chatiq-msg[data-author="visitor"]').last().textContent()).toContain(
      'Then Saturday it is.',
    );

    // The same visitor comes back in Ukrainian: the entry is there from the first join.
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language: 'uk' }));
    await openWidget(page);
    await entry.waitFor({ state: 'visible', ...WAIT });
    expect(await entry.textContent()).toBe('Попередні розмови');
    await entry.click();
    await item.waitFor({ state: 'visible', ...WAIT });
    expect(await item.textContent()).toContain('Закрита');
    expect(await page.locator('.chatiq-history-back').textContent()).toBe('Назад до чату');
    await shot(page, 'widget-history-list-uk');
    await item.click();
    await log.locator('.chatiq-msg', { hasText: 'Only on Saturdays, sorry.' }).waitFor(WAIT);
    expect(await page.locator('.chatiq-history-back').textContent()).toBe('Усі розмови');
    expect(await page.locator('.chatiq-panel').textContent()).not.toContain(NOTE);
    expect(page.warnings).toEqual([]);
    await page.context().close();
  });

  it("the visitor panel lists the visitor's other conversations and opens one in the inbox (en, then uk)", async () => {
    const stamp = Date.now();
    const visitor = await connectVisitor(apiUrl, test.site.publicId, widgetUrl, 'Marta Visitor');
    visitors.push(visitor);
    const old = await visitor.say(`Is the cake gluten-free? (${stamp})`);
    await answerAndResolve(old.chatId, 'Yes, all of them.');
    const current = await visitor.say(`Another question (${stamp})`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, adminUrl, test.owner);
    await page.goto(`${adminUrl}/inbox?chat=${current.chatId}`);
    const panelChats = page.getByTestId('visitor-chats');
    const other = panelChats.getByTestId('visitor-chat');
    await other.waitFor(WAIT);
    expect(await panelChats.locator('h4').textContent()).toBe('Other conversations');
    expect(await other.count()).toBe(1);
    expect(await other.getAttribute('data-chat-id')).toBe(old.chatId);
    expect(await other.textContent()).toContain('resolved');
    expect(await other.locator('.visitor-chat-preview').textContent()).toBe('Yes, all of them.');
    await shot(page, 'inbox-visitor-chats-en');

    await other.click();
    await page.locator('.message[data-author="visitor"]', { hasText: `Is the cake gluten-free? (${stamp})` }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('resolved');
    // From the old conversation, the current one is the other one.
    await expect.poll(() => panelChats.getByTestId('visitor-chat').getAttribute('data-chat-id'), WAIT).toBe(current.chatId);

    await context.addCookies([{ name: 'chatiq_locale', value: 'uk', url: adminUrl }]);
    await page.goto(`${adminUrl}/inbox?chat=${current.chatId}`);
    await other.waitFor(WAIT);
    expect(await panelChats.locator('h4').textContent()).toBe('Інші розмови');
    expect(await other.textContent()).toContain('вирішений');
    await shot(page, 'inbox-visitor-chats-uk');
    await context.close();
  });
});

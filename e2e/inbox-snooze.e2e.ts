// Snooze in real Chromium, in English and Ukrainian: "Snooze → For 1 hour" from the chat header
// takes the chat out of Open, shows it under Snoozed with its wake time and a note in the chat; a
// date and time of one's own works the same; and a chat snoozed for a few seconds comes back to
// Open by itself, live, with "Snooze ended" (the API's scheduler wakes it at its time).
import type { ChatSummaryDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, type Visitor } from './support/inbox-support.js';
import { connectAdmin, emitOk } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 15_000 };

const TEXT = {
  en: {
    oneHour: 'For 1 hour',
    snoozed: 'Snoozed',
    badge: 'snoozed',
    until: /^Snoozed until \S/,
    note: /^Iryna Owner snoozed this chat until /,
    ended: 'Snooze ended',
  },
  uk: {
    oneHour: 'На 1 годину',
    snoozed: 'Відкладені',
    badge: 'відкладений',
    until: /^Відкладено до \S/,
    note: /^Iryna Owner відклав\(-ла\) цей чат до /,
    ended: 'Час відкладення минув',
  },
} as const;

describe('snooze', () => {
  let browser: Browser;
  let owner: Owner;
  let site: { id: string; publicId: string };
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'snooze');
    site = await createSite(apiUrl, owner.token, 'Bakery', [widgetUrl]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await browser?.close();
  });

  async function chatFrom(name: string, question: string): Promise<string> {
    const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, name);
    visitors.push(visitor);
    return (await visitor.say(question)).chatId;
  }

  async function ownerPage(lang: 'en' | 'uk'): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: lang === 'uk' ? 'uk-UA' : 'en-US',
      timezoneId: 'Europe/Kyiv',
    });
    await context.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    const page = await context.newPage();
    await page.goto(`${adminUrl}/login`);
    await page.locator('input[name="email"]').fill(owner.email);
    await page.locator('input[name="password"]').fill(owner.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${adminUrl}/inbox`);
    return page;
  }

  const chatItem = (page: Page, chatId: string) => page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
  const summary = async (chatId: string) =>
    (await call<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: owner.token })).find((c) => c.id === chatId);

  for (const lang of ['en', 'uk'] as const) {
    it(`${lang}: Snooze → For 1 hour hides the chat from Open and lists it under Snoozed with its wake time`, async () => {
      const text = TEXT[lang];
      const chatId = await chatFrom(`Taras ${lang}`, `Call me back in an hour (${lang})`);
      const page = await ownerPage(lang);
      await chatItem(page, chatId).click(WAIT);

      await page.getByTestId('snooze-button').click();
      const oneHour = page.getByTestId('snooze-oneHour');
      expect(await oneHour.locator('span').textContent()).toBe(text.oneHour);
      await screenshot(page, `inbox-snooze-menu-${lang}`);
      const clickedAt = Date.now();
      await oneHour.click();

      // The header says so; the note is in the chat, in the operator's language.
      await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe(text.badge);
      expect(await page.getByTestId('chat-snoozed-until').textContent()).toMatch(text.until);
      const note = page.locator('[data-system-event="chat.snoozed"] .message-text');
      await note.waitFor(WAIT);
      expect(await note.textContent()).toMatch(text.note);
      const stored = await summary(chatId);
      expect(stored?.status).toBe('SNOOZED');
      const wake = Date.parse(stored?.snoozedUntil ?? '');
      expect(wake - clickedAt).toBeGreaterThan(59 * 60_000);
      expect(wake - clickedAt).toBeLessThan(61 * 60_000);

      // Out of Open, in Snoozed with the time it comes back.
      await chatItem(page, chatId).waitFor({ state: 'detached', ...WAIT });
      await page.getByRole('button', { name: text.snoozed, exact: true }).click();
      await chatItem(page, chatId).waitFor(WAIT);
      expect(await chatItem(page, chatId).getByTestId('chat-snoozed-until').textContent()).toMatch(text.until);
      await screenshot(page, `inbox-snoozed-list-${lang}`);
      await page.context().close();
    });
  }

  it('uk: a date and time of one’s own, on the operator’s clock', async () => {
    const chatId = await chatFrom('Oksana', 'Напишіть мені завтра');
    const page = await ownerPage('uk');
    await chatItem(page, chatId).click(WAIT);
    await page.getByTestId('snooze-button').click();
    // Tomorrow 10:30 in Kyiv, the browser's zone.
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Kyiv' });
    await page.getByTestId('snooze-custom-input').fill(`${tomorrow}T10:30`);
    await page.getByTestId('snooze-custom-submit').click();
    await expect.poll(async () => (await summary(chatId))?.snoozedUntil, WAIT).toBeTruthy();
    const until = new Date((await summary(chatId))?.snoozedUntil ?? '');
    expect(until.toLocaleString('sv-SE', { timeZone: 'Europe/Kyiv' })).toBe(`${tomorrow} 10:30:00`);
    expect(await page.getByTestId('chat-snoozed-until').textContent()).toMatch(/^Відкладено до .*10:30$/);

    // A time in the past is refused before anything is sent, in the operator's language.
    await page.getByTestId('snooze-button').click();
    await page.getByTestId('snooze-custom-input').fill('2020-01-01T09:00');
    await page.getByTestId('snooze-custom-submit').click();
    expect(await page.getByRole('alert').filter({ hasText: 'майбутньому' }).textContent()).toBe('Виберіть час у майбутньому.');
    expect((await summary(chatId))?.snoozedUntil).toBe(until.toISOString());
    await page.context().close();
  });

  it('en: a chat snoozed for a few seconds comes back to Open by itself, live, with "Snooze ended"', async () => {
    const chatId = await chatFrom('Mykola', 'Any news on my order?');
    const page = await ownerPage('en');
    const item = chatItem(page, chatId);
    await item.waitFor(WAIT);
    // Snoozed from elsewhere (another operator's tab) until three seconds from now.
    const socket = await connectAdmin(apiUrl, owner.token);
    try {
      await emitOk(socket, 'chat:snooze', { chatId, until: new Date(Date.now() + 3_000).toISOString() });
    } finally {
      socket.close();
    }
    // It leaves Open at once, and comes back when its time has come, without a reload.
    await item.waitFor({ state: 'detached', ...WAIT });
    await item.waitFor(WAIT);
    expect((await summary(chatId))?.status).toBe('OPEN');
    await item.click();
    const ended = page.locator('[data-system-event="chat.unsnoozed"] .message-text');
    await ended.waitFor(WAIT);
    expect(await ended.textContent()).toBe(TEXT.en.ended);
    await page.context().close();
  });
});

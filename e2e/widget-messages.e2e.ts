// The widget's message list in real Chromium: day separators (Today, Yesterday, a date, in the
// widget's language) over a conversation whose messages really are from different days, placed
// right when the history is loaded, when the visitor writes offline and the message is resent, and
// when the operator's answer arrives live; the operator's runs of messages with their name and
// avatar. No route can date a message in the past, so this test runs an API of its own over a
// database it may write to (startOwnApi) and moves the stored messages' dates there.
import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import {
  type AdminClient,
  connectAdmin,
  demoPageUrl,
  emitOk,
  type OwnApi,
  openWidget,
  rest,
  sendFromWidget,
  startOwnApi,
  visitorPage,
  type WidgetTestSite,
  widgetTestSite,
} from './support/widget-support.js';

const widgetUrl = inject('widgetUrl');

/** The message list as the visitor sees it: separators as `— label —`, messages as `author: text`, `*` on a run's first. */
function listed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = document.getElementById('chatiq-widget-host')?.shadowRoot?.querySelector('.chatiq-messages');
    return [...(list?.querySelectorAll('.chatiq-day, .chatiq-msg') ?? [])].map((element) =>
      element.classList.contains('chatiq-day')
        ? `— ${element.textContent} —`
        : `${element.getAttribute('data-author')}${element.hasAttribute('data-first') ? '*' : ''}: ${element.querySelector('.chatiq-msg-text')?.textContent}`,
    );
  });
}

/** What the operator messages show: the name (the stylesheet's ::before), the avatar's initials and colour; null when not shown. */
function operatorHeads(page: Page): Promise<{ text: string; name: string | null; initials: string | null; color: string | null }[]> {
  return page.evaluate(() => {
    const list = document.getElementById('chatiq-widget-host')?.shadowRoot?.querySelector('.chatiq-messages');
    return [...(list?.querySelectorAll<HTMLElement>('.chatiq-msg[data-author="operator"]') ?? [])].map((message) => {
      const avatar = message.querySelector<HTMLElement>('.chatiq-avatar');
      const shown = avatar !== null && avatar.getBoundingClientRect().width > 0;
      return {
        text: message.querySelector('.chatiq-msg-text')?.textContent ?? '',
        name: getComputedStyle(message, '::before').display === 'none' ? null : (message.dataset.authorName ?? null),
        initials: shown ? (avatar.dataset.initials ?? null) : null,
        color: shown ? getComputedStyle(avatar).backgroundColor : null,
      };
    });
  });
}

/** The list with its time labels: separators as `— label —`, time labels as `@ time`, messages by their text. */
function timeline(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = document.getElementById('chatiq-widget-host')?.shadowRoot?.querySelector('.chatiq-messages');
    return [...(list?.querySelectorAll('.chatiq-day, .chatiq-gap, .chatiq-msg') ?? [])].map((element) =>
      element.classList.contains('chatiq-day')
        ? `— ${element.textContent} —`
        : element.classList.contains('chatiq-gap')
          ? `@ ${element.textContent}`
          : `${element.querySelector('.chatiq-msg-text')?.textContent}`,
    );
  });
}

/** A message's `<time>` as the visitor sees it: its text, attributes, and whether it shows (opacity). */
function messageTime(page: Page, text: string) {
  return page.evaluate((text) => {
    const list = document.getElementById('chatiq-widget-host')?.shadowRoot?.querySelector('.chatiq-messages');
    const message = [...(list?.querySelectorAll('.chatiq-msg') ?? [])].find(
      (m) => m.querySelector('.chatiq-msg-text')?.textContent === text,
    );
    const time = message?.querySelector('time');
    if (!time) return null;
    return {
      text: time.textContent,
      datetime: time.getAttribute('datetime'),
      title: time.title,
      shown: getComputedStyle(time).opacity === '1',
    };
  }, text);
}

describe('widget message list: day separators, operator name and avatar', () => {
  let browser: Browser;
  let own: OwnApi;
  let test: WidgetTestSite;
  let admin: AdminClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    own = await startOwnApi('widget-days');
    test = await widgetTestSite(own.apiUrl, widgetUrl, 'days');
    admin = await connectAdmin(own.apiUrl, test.owner.token);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await own?.stop();
  });

  it('separates the days of a conversation and keeps the separators right as messages come and are resent', async () => {
    // The browser's calendar is UTC's, like the dates moved below.
    const page = await visitorPage(browser, 'days', { locale: 'en-US', timezoneId: 'UTC' });
    await page.goto(demoPageUrl(widgetUrl, own.apiUrl, test.site.publicId));
    await openWidget(page);

    // A real conversation over the API: the visitor writes, the operator answers twice, and so on.
    await sendFromWidget(page, 'Do you ship to Odesa?');
    const chatId = (await rest<ChatSummaryDto[]>(own.apiUrl, 'GET', '/chats', { token: test.owner.token }))[0]!.id;
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
    const answer = async (text: string) => {
      await emitOk(admin, 'admin:message', { chatId, clientId: `days-${text.length}-${Date.now()}`, text });
      await page.locator('.chatiq-msg[data-author="operator"]', { hasText: text }).waitFor({ timeout: 10_000 });
    };
    await answer('Yes, we do.');
    await answer('It takes two days.');
    await sendFromWidget(page, 'Can I pay on delivery?');
    await answer('Yes, cash or card.');

    // Then the first three messages are moved to 28 November 2024, the next two to yesterday.
    const stored = await rest<MessageDto[]>(own.apiUrl, 'GET', `/chats/${chatId}/messages`, { token: test.owner.token });
    expect(stored.map((m) => m.text)).toEqual([
      'Do you ship to Odesa?',
      'Yes, we do.',
      'It takes two days.',
      'Can I pay on delivery?',
      'Yes, cash or card.',
    ]);
    const yesterday = Date.now() - 24 * 3600_000;
    for (const [index, message] of stored.entries()) {
      const createdAt = index < 3 ? new Date(Date.UTC(2024, 10, 28, 12, 0, index)) : new Date(yesterday + index * 1000);
      await own.sql('UPDATE "Message" SET "createdAt" = $1 WHERE id = $2 AND "chatId" = $3', [createdAt, message.id, chatId]);
    }

    // The next visit loads the history: each day under its separator, each run of the operator's with one name and avatar.
    await page.reload();
    await openWidget(page);
    await expect
      .poll(() => listed(page), { timeout: 10_000 })
      .toEqual([
        '— November 28, 2024 —',
        'visitor*: Do you ship to Odesa?',
        'operator*: Yes, we do.',
        'operator: It takes two days.',
        '— Yesterday —',
        'visitor*: Can I pay on delivery?',
        'operator*: Yes, cash or card.',
      ]);
    const heads = await operatorHeads(page);
    expect(heads.map(({ text, name, initials }) => ({ text, name, initials }))).toEqual([
      { text: 'Yes, we do.', name: 'Iryna Owner', initials: 'IO' },
      { text: 'It takes two days.', name: null, initials: null },
      { text: 'Yes, cash or card.', name: 'Iryna Owner', initials: 'IO' },
    ]);
    await screenshot(page, 'widget-days-history');
    // A colour of the operator's own, the same on each run.
    expect(heads[0]!.color).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    expect(heads[2]!.color).toBe(heads[0]!.color);

    // Written offline: today's separator comes with the message waiting to be sent…
    await page.context().setOffline(true);
    await expect.poll(() => page.locator('.chatiq-banner').textContent(), { timeout: 15_000 }).toBe('No connection. Reconnecting…');
    await page.locator('.chatiq-input').fill('One more thing');
    await page.locator('.chatiq-input').press('Enter');
    await page.locator('.chatiq-msg[data-status="pending"]', { hasText: 'One more thing' }).waitFor();
    expect((await listed(page)).slice(-3)).toEqual(['operator*: Yes, cash or card.', '— Today —', 'visitor*: One more thing']);
    // …and stays, once, when it is resent and stored; the operator's live answer joins the same day.
    await page.context().setOffline(false);
    await page
      .locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: 'One more thing' })
      .waitFor({ timeout: 20_000 });
    await answer('Sure, ask away.');
    expect((await listed(page)).slice(-4)).toEqual([
      'operator*: Yes, cash or card.',
      '— Today —',
      'visitor*: One more thing',
      'operator*: Sure, ask away.',
    ]);
    expect((await listed(page)).filter((line) => line.startsWith('—'))).toHaveLength(3);

    // In Ukrainian, the separators too.
    await page.evaluate(() => (window as unknown as { chtq: { setLocale(language: string): void } }).chtq.setLocale('uk'));
    await expect
      .poll(async () => (await listed(page)).filter((line) => line.startsWith('—')))
      .toEqual(['— 28 листопада 2024 р. —', '— Учора —', '— Сьогодні —']);
    expect(page.warnings).toEqual([]);
  });

  it("shows a time label after a pause of more than five minutes, and each message's time on hover or focus, in local time", async () => {
    // The visitor is in Kyiv (UTC+2 in November): times are theirs, not the server's.
    const page = await visitorPage(browser, 'times', { locale: 'en-US', timezoneId: 'Europe/Kyiv' });
    await page.goto(demoPageUrl(widgetUrl, own.apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'Is the bakery open?');
    const chats = await rest<ChatSummaryDto[]>(own.apiUrl, 'GET', '/chats', { token: test.owner.token });
    const chatId = chats.find((c) => c.lastMessage?.text === 'Is the bakery open?')!.id;
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
    const answer = async (text: string) => {
      await emitOk(admin, 'admin:message', { chatId, clientId: `times-${text.length}-${Date.now()}`, text });
      await page.locator('.chatiq-msg[data-author="operator"]', { hasText: text }).waitFor({ timeout: 10_000 });
    };
    await answer('Yes, until six.');
    await sendFromWidget(page, 'Do you have rye bread?');
    await answer('Fresh this morning.');

    // Dated 28 November 2024: 08:00, 08:02, then a pause of 28 minutes, 08:30, 08:31 (UTC).
    const minutes = [0, 2, 30, 31];
    const stored = await rest<MessageDto[]>(own.apiUrl, 'GET', `/chats/${chatId}/messages`, { token: test.owner.token });
    for (const [index, message] of stored.entries()) {
      await own.sql('UPDATE "Message" SET "createdAt" = $1 WHERE id = $2 AND "chatId" = $3', [
        new Date(Date.UTC(2024, 10, 28, 8, minutes[index]!)),
        message.id,
        chatId,
      ]);
    }
    await page.reload();
    await openWidget(page);
    await expect
      .poll(() => timeline(page), { timeout: 10_000 })
      .toEqual([
        '— November 28, 2024 —',
        '@ 10:00 AM',
        'Is the bakery open?',
        'Yes, until six.',
        '@ 10:30 AM',
        'Do you have rye bread?',
        'Fresh this morning.',
      ]);

    // Each message's time is there for screen readers, hidden until the pointer is on the message.
    const second = { text: '10:02 AM', datetime: '2024-11-28T08:02:00.000Z', title: 'Thursday, November 28, 2024 at 10:02 AM' };
    expect(await messageTime(page, 'Yes, until six.')).toEqual({ ...second, shown: false });
    await page.locator('.chatiq-msg', { hasText: 'Yes, until six.' }).hover();
    await expect.poll(() => messageTime(page, 'Yes, until six.')).toEqual({ ...second, shown: true });
    await screenshot(page, 'widget-message-times');
    await page.mouse.move(0, 0);
    await expect.poll(() => messageTime(page, 'Yes, until six.')).toMatchObject({ shown: false });

    // From the keyboard: the list takes the focus, the arrow keys move it from message to message.
    await page.locator('.chatiq-messages').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => messageTime(page, 'Is the bakery open?')).toMatchObject({ text: '10:00 AM', shown: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => messageTime(page, 'Yes, until six.')).toMatchObject({ shown: true });
    expect(await messageTime(page, 'Is the bakery open?')).toMatchObject({ shown: false });

    // In Ukrainian: the labels and the times in its format.
    await page.evaluate(() => (window as unknown as { chtq: { setLocale(language: string): void } }).chtq.setLocale('uk'));
    await expect
      .poll(() => timeline(page))
      .toEqual([
        '— 28 листопада 2024 р. —',
        '@ 10:00',
        'Is the bakery open?',
        'Yes, until six.',
        '@ 10:30',
        'Do you have rye bread?',
        'Fresh this morning.',
      ]);
    expect(await messageTime(page, 'Yes, until six.')).toMatchObject({
      text: '10:02',
      title: expect.stringMatching(/^четвер, 28 листопада 2024 р\. о 10:02$/),
    });
    expect(page.warnings).toEqual([]);
  });
});

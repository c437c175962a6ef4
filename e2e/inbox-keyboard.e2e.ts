// The inbox by keyboard, in real Chromium: J/K and Alt+↓/↑ step through the list (J also as a
// Ukrainian layout sends it: the key's place, "о" typed); single keys wait while a text box has the
// focus and Escape leaves it; R puts the focus in the reply box, N turns it into a private note,
// T starts a quick template, / searches the list, A assigns the chat to oneself, E resolves it,
// S opens the snooze menu;
// "?" opens the cheat sheet; Ctrl+K opens the command palette (an accessible modal dialog, arrow
// keys to choose), which goes to Analytics from any page and runs "Resolve" on the open chat.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot, signInPage, watchMissingMessages } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, type Visitor } from './support/inbox-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 20_000 };

const openChatId = (page: Page) => new URL(page.url()).searchParams.get('chat');
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? ''}` : '';
  });

describe('the inbox by keyboard', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let owner: Owner;
  let missing: string[];
  const visitors: Visitor[] = [];
  /** The chats' ids, newest first (as the list shows them). */
  const chatIds: string[] = [];

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'keys');
    const site = await createSite(apiUrl, owner.token, 'Key shop', [widgetUrl]);
    await call(apiUrl, 'POST', '/templates', {
      token: owner.token,
      body: { siteId: site.id, shortcut: '/hello', text: 'Hello {visitor.name}!' },
    });
    for (const name of ['Anna First', 'Bohdan Second', 'Chrystia Third']) {
      const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, name);
      visitors.push(visitor);
      chatIds.unshift((await visitor.say(`A question from ${name}`)).chatId);
    }
    browser = await launchBrowser();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await ctx.newPage();
    missing = watchMissingMessages(page);
    await signInPage(page, adminUrl, owner);
    await page.locator(`[data-testid="chat-item"][data-chat-id="${chatIds[2]}"]`).waitFor(WAIT);
  });
  afterAll(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
  });

  it('J/K and Alt+↓/↑ move through the list, on an English and a Ukrainian layout', async () => {
    const items = page.getByTestId('chat-item');
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-chat-id')))).toEqual(chatIds);
    await page.keyboard.press('j');
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[0]);
    await page.locator('.message', { hasText: 'Chrystia Third' }).waitFor(WAIT);
    // J on a Ukrainian layout: the same key, typing "о".
    await page.evaluate(() =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'о', code: 'KeyJ', bubbles: true, cancelable: true })),
    );
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[1]);
    await expect.poll(() => page.locator(`[data-chat-id="${chatIds[1]}"]`).getAttribute('aria-current'), WAIT).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[0]);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[1]);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[0]);
    await page.locator('.message', { hasText: 'Chrystia Third' }).waitFor(WAIT);
  });

  it('R focuses the reply box, where keys type; Escape leaves it; N makes it a note; T starts a template', async () => {
    await page.keyboard.press('r');
    await expect.poll(() => focused(page), WAIT).toBe('textarea|Reply');
    await page.keyboard.type('jk');
    expect(await page.getByLabel('Reply').inputValue()).toBe('jk');
    expect(openChatId(page)).toBe(chatIds[0]);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), WAIT).toBe('body|');
    await page.getByLabel('Reply').fill('');
    await page.keyboard.press('Escape');

    await page.keyboard.press('n');
    await expect.poll(() => focused(page), WAIT).toBe('textarea|Private note');
    expect(await page.locator('.note-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => focused(page), WAIT).toBe('textarea|Reply');
    await page.keyboard.press('Escape');

    await page.keyboard.press('t');
    await page.getByTestId('template-option').filter({ hasText: '/hello' }).waitFor(WAIT);
    expect(await page.getByLabel('Reply').inputValue()).toBe('/');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Reply').inputValue(), WAIT).toBe('Hello Chrystia Third!');
    await page.getByLabel('Reply').fill('');
    await page.keyboard.press('Escape');
  });

  it('/ searches the list; A assigns the open chat to me; E resolves it', async () => {
    await page.keyboard.press('/');
    await expect.poll(() => focused(page), WAIT).toBe('input|Search chats');
    await page.keyboard.type('bohdan');
    await expect.poll(() => page.getByTestId('chat-item').count(), WAIT).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByLabel('Search chats').fill('');
    await expect.poll(() => page.getByTestId('chat-item').count(), WAIT).toBe(3);
    // Out of the search box (a single key there types).
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), WAIT).toBe('body|');

    // Whoever has the chat now, "Unassign" first: then A is what assigns it.
    const assignee = page.getByTestId('chat-assignee');
    const unassign = page.getByRole('button', { name: 'Unassign', exact: true });
    if (await unassign.isVisible()) {
      await unassign.click();
      await expect.poll(() => assignee.textContent(), WAIT).toBe('Unassigned');
    }
    await page.keyboard.press('a');
    await expect.poll(() => assignee.textContent(), WAIT).toBe(`Assigned to ${owner.name}`);
    const chats = await call<{ id: string; assignedOperatorName: string | null; status: string }[]>(apiUrl, 'GET', '/chats', {
      token: owner.token,
    });
    expect(chats.find((c) => c.id === chatIds[0])?.assignedOperatorName).toBe(owner.name);

    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('resolved');
  });

  it('S opens the snooze menu of the open chat; a preset snoozes it', async () => {
    await page.getByTestId('chat-item').filter({ hasText: 'Bohdan Second' }).click();
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[1]);
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('open');
    await page.keyboard.press('s');
    await page.getByTestId('snooze-menu').waitFor(WAIT);
    expect(await page.getByTestId('snooze-button').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('snooze-oneHour').click();
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('snoozed');
    const chats = await call<{ id: string; status: string }[]>(apiUrl, 'GET', '/chats?status=SNOOZED', { token: owner.token });
    expect(chats.map((c) => c.id)).toContain(chatIds[1]);
  });

  it('"?" opens the cheat sheet of the shortcuts; Escape closes it', async () => {
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor(WAIT);
    for (const label of [
      'Next chat',
      'Previous chat',
      'Reply',
      'Write a private note',
      'Assign to me',
      'Resolve the chat',
      'Command palette',
    ]) {
      expect(await help.getByText(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await help.locator('kbd', { hasText: /^J$/ }).count()).toBe(1);
    await screenshot(page, 'keyboard-cheat-sheet');
    // Keys do not reach the inbox under the dialog.
    const before = openChatId(page);
    await page.keyboard.press('j');
    expect(openChatId(page)).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible(), WAIT).toBe(false);
  });

  it('Ctrl+K: a palette that goes to Analytics from any page and runs "Resolve" on the open chat', async () => {
    // Another chat, open.
    await page.getByTestId('chat-item').filter({ hasText: 'Anna First' }).click();
    await expect.poll(() => openChatId(page), WAIT).toBe(chatIds[2]);
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('open');

    // Even from the reply box (a Ctrl combination works while typing).
    await page.getByLabel('Reply').focus();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor(WAIT);
    await expect.poll(() => focused(page), WAIT).toMatch(/^input\|/);
    // Arrow keys move the choice.
    const selected = () => palette.locator('[cmdk-item][data-selected="true"]').textContent();
    const first = await selected();
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected, WAIT).not.toBe(first);
    await page.keyboard.type('Resolve');
    await expect.poll(selected, WAIT).toContain('Resolve the chat');
    await screenshot(page, 'keyboard-palette');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.getByTestId('chat-status').textContent(), WAIT).toBe('resolved');

    await page.keyboard.press('Control+k');
    await palette.waitFor(WAIT);
    await page.keyboard.type('Analytics');
    await expect.poll(selected, WAIT).toContain('Analytics');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${adminUrl}/analytics`, WAIT);

    // On another page: the palette is there too, and Escape closes it.
    await page.keyboard.press('Control+k');
    await palette.waitFor(WAIT);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.isVisible(), WAIT).toBe(false);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Live visitors');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${adminUrl}/visitors`, WAIT);
    expect(missing).toEqual([]);
  });
});

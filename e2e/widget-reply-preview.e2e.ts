// The preview bubble in real Chromium: a reply (an operator's answer, a proactive message) that
// arrives while the visitor's panel is closed shows its text above the launcher, as Intercom and
// Crisp do, in a polite live region, with the unread badge kept; its close button hides it (labelled
// in the widget's language), a click on it opens the chat. Screenshots: e2e/test-results/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
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

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 10_000 };

describe('widget reply preview bubble', () => {
  let browser: Browser;
  let test: WidgetTestSite;
  let admin: AdminClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    test = await widgetTestSite(apiUrl, widgetUrl, 'reply-preview');
    admin = await connectAdmin(apiUrl, test.owner.token);
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  const bubble = (page: Page) => page.locator('.chatiq-teaser');
  const shot = (page: Page, name: string) => page.screenshot({ path: `${resultsDir}/screenshots/widget-reply-preview-${name}.png` });
  const reply = (chatId: string, text: string) => emitOk(admin, 'admin:message', { chatId, clientId: `preview-${Date.now()}`, text });

  it("shows an operator's reply above the closed launcher; its close button hides it; a click opens the chat", async () => {
    const page = await visitorPage(browser, 'reply-preview');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'Do you ship to Lviv?');
    const chatId = await chatIdOf('Do you ship to Lviv?');
    await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
    await page.locator('.chatiq-close').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'hidden' });
    expect(await bubble(page).isVisible()).toBe(false);

    await reply(chatId, 'Yes, in two days by Nova Poshta.');
    await bubble(page).waitFor({ state: 'visible', ...WAIT });
    expect(await bubble(page).locator('.chatiq-teaser-author').textContent()).toBe('Iryna Owner');
    expect(await bubble(page).locator('.chatiq-teaser-text').textContent()).toBe('Yes, in two days by Nova Poshta.');
    // Announced politely; the badge stays.
    const region = page.locator('.chatiq-teaser-region');
    expect(await region.getAttribute('role')).toBe('status');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.chatiq-badge').textContent()).toBe('1');
    // Above the launcher, on its side, inside the window.
    const [box, launcher] = [await bubble(page).boundingBox(), await page.locator('.chatiq-launcher').boundingBox()];
    expect(
      box && launcher && box.y + box.height <= launcher.y && Math.round(box.x + box.width) === Math.round(launcher.x + launcher.width),
    ).toBe(true);
    await shot(page, 'en');

    // Dismissed: gone, the badge kept, the panel still closed.
    const close = bubble(page).getByRole('button', { name: 'Hide message' });
    await close.click();
    await bubble(page).waitFor({ state: 'hidden' });
    expect(await page.locator('.chatiq-badge').textContent()).toBe('1');
    expect(await page.locator('.chatiq-panel').isVisible()).toBe(false);

    // The next reply shows again; a click on it opens the chat, which reads it.
    await reply(chatId, 'Anything else?');
    await expect.poll(() => bubble(page).locator('.chatiq-teaser-text').textContent(), WAIT).toBe('Anything else?');
    await bubble(page).locator('.chatiq-teaser-open').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'visible' });
    await bubble(page).waitFor({ state: 'hidden' });
    await page.locator('.chatiq-badge').waitFor({ state: 'hidden' });
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Anything else?' }).waitFor();
    // While the panel is open, a reply goes to the list, not to a bubble.
    await reply(chatId, 'Have a nice day!');
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Have a nice day!' }).waitFor(WAIT);
    expect(await bubble(page).isVisible()).toBe(false);
    expect(page.warnings).toEqual([]);
  });

  it('shows a proactive message to a visitor who closed the chat, in Ukrainian', async () => {
    const page = await visitorPage(browser, 'proactive-preview', { locale: 'uk-UA' });
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId, { language: 'uk' }));
    await openWidget(page);
    const visitorId = await page.evaluate(() => localStorage.getItem('chatiq_visitor_id'));
    expect(visitorId).toMatch(/\S/);
    await page.locator('.chatiq-launcher').click();
    await page.locator('.chatiq-panel').waitFor({ state: 'hidden' });

    await emitOk(admin, 'visitor:invite', { visitorId, clientId: `invite-${Date.now()}`, text: 'Вітаємо! Підказати з вибором лампи?' });
    await bubble(page).waitFor({ state: 'visible', ...WAIT });
    expect(await bubble(page).locator('.chatiq-teaser-text').textContent()).toBe('Вітаємо! Підказати з вибором лампи?');
    expect(await page.locator('.chatiq-badge').textContent()).toBe('1');
    await shot(page, 'uk');
    // The close button speaks Ukrainian; the bubble's own button opens the chat.
    expect(await bubble(page).getByRole('button', { name: 'Сховати повідомлення' }).count()).toBe(1);
    await bubble(page).locator('.chatiq-teaser-open').click();
    await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Вітаємо! Підказати з вибором лампи?' }).waitFor(WAIT);
    await bubble(page).waitFor({ state: 'hidden' });
    expect(page.warnings).toEqual([]);
  });

  /** The id of the chat whose last message is `text` (the owner's view). */
  async function chatIdOf(text: string): Promise<string> {
    const response = await fetch(`${apiUrl}/chats`, { headers: { authorization: `Bearer ${test.owner.token}` } });
    const chats = (await response.json()) as { id: string; lastMessage: { text: string } | null }[];
    const chat = chats.find((c) => c.lastMessage?.text === text);
    if (!chat) throw new Error(`no chat ends with ${text}`);
    return chat.id;
  }
});

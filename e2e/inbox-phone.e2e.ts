// The inbox on a 390×844 phone and a 768×1024 tablet, in real Chromium. On the phone: the list
// fills the screen; a chat opens full screen with a way back and to the visitor's details (a view
// of its own with a way back); a reply is sent from a composer as wide as the screen; the
// browser's Back and Forward go between these views (the open chat and the details are in the
// address); nothing scrolls sideways; every button, list row, field and menu link is at least
// 44 px each way; the shell's navigation is behind a menu button. On the tablet: the list and the
// chat side by side, the details in a drawer over the chat.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot, signInPage } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { connectVisitor, type Visitor } from './support/inbox-support.js';
import { afterNextFrame } from './support/pages.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** Visible controls smaller than 44×44 px (a checkbox or radio counts by its label, which is what a finger hits). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const selector = 'button, a[href], select, textarea, input, [role="option"], .chat-item';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('[hidden], dialog:not([open])')) continue;
      const target =
        element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
          ? (element.closest('label') ?? element)
          : element;
      if (element instanceof HTMLInputElement && element.type === 'file') continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 44 - 0.5 || box.width < 44 - 0.5) {
        const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 30);
        out.push(`${target.tagName.toLowerCase()}.${target.className} "${name}": ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
      }
    }
    return out;
  });
}

/** What scrolls sideways: the page, or any element that scrolls by itself. */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`the page (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of document.body.querySelectorAll('*')) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName}.${el.className}`);
    }
    return out;
  });
}

const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

describe('the inbox on a phone and a tablet', () => {
  let browser: Browser;
  let owner: Owner;
  const visitors: Visitor[] = [];
  const question = 'Do you deliver flowers to Lviv on Sundays?';

  beforeAll(async () => {
    owner = await registerOwner(apiUrl, 'phone');
    const site = await createSite(apiUrl, owner.token, 'Flower shop', [widgetUrl]);
    for (const [name, text] of [
      ['Older Visitor', 'An older question'],
      ['Martha Green', question],
    ] as const) {
      const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, name, { locale: 'en-GB' });
      visitors.push(visitor);
      await visitor.say(text);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport, isMobile: viewport.width < 768, hasTouch: true });
    const page = await ctx.newPage();
    await signInPage(page, adminUrl, owner);
    await page
      .getByTestId('chat-item')
      .filter({ hasText: 'Martha Green' })
      .waitFor(WAIT)
      .catch(async (error: unknown) => {
        await screenshot(page, `phone-signed-in-${viewport.width}-failed`);
        throw error;
      });
    return { ctx, page };
  }

  it('phone: list → chat → reply → details → back, with Back and Forward, nothing sideways, 44 px targets', async () => {
    const { ctx, page } = await signedIn(PHONE);
    try {
      const problems: string[] = [];
      const check = async (view: string) => {
        await afterNextFrame(page);
        for (const p of await sideways(page)) problems.push(`${view}: scrolls sideways: ${p}`);
        for (const p of await smallTargets(page)) problems.push(`${view}: small target ${p}`);
      };

      // The list fills the screen; no chat beside it.
      expect(await visible(page, '.inbox-list')).toBe(true);
      expect(await visible(page, '.inbox-chat')).toBe(false);
      const listBox = await page.locator('.inbox-list').boundingBox();
      expect(listBox?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
      await check('list');
      await screenshot(page, 'phone-inbox-list');

      // The shell's navigation is behind the menu button.
      expect(await page.locator('.topbar nav a').first().isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.locator('.topbar nav a', { hasText: 'Live visitors' }).waitFor(WAIT);
      expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
      await check('menu');
      await screenshot(page, 'phone-menu');
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect.poll(() => page.locator('.topbar nav a').first().isVisible(), WAIT).toBe(false);

      // A chat opens full screen: its messages, a back button, no list and no shell bar.
      await page.getByTestId('chat-item').filter({ hasText: 'Martha Green' }).click();
      await page.locator('.message[data-author="visitor"]', { hasText: question }).waitFor(WAIT);
      expect(page.url()).toMatch(/\/inbox\?chat=/);
      expect(await visible(page, '.inbox-list')).toBe(false);
      expect(await visible(page, '.topbar')).toBe(false);
      expect(await page.getByTestId('back-to-list').isVisible()).toBe(true);
      // Most of the screen is for the messages; the composer's text box is as wide as the screen.
      const messages = await page.locator('.messages').boundingBox();
      expect(messages?.height ?? 0).toBeGreaterThan(PHONE.height * 0.45);
      const box = await page.getByLabel('Reply').boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(PHONE.width - 40);
      await check('chat');
      await screenshot(page, 'phone-inbox-chat');

      // A reply.
      const reply = 'Yes, every day, Sundays included.';
      await page.getByLabel('Reply').fill(reply);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('.message[data-author="operator"][data-message-id]', { hasText: reply }).waitFor(WAIT);
      await expect.poll(() => visitors[1]!.received.some((m) => m.text === reply), WAIT).toBe(true);

      // The visitor's details: a view of their own, with a way back to the chat.
      await page.getByTestId('show-details').click();
      await page.getByTestId('visitor-panel').waitFor({ state: 'visible', ...WAIT });
      expect(page.url()).toMatch(/view=details/);
      expect(await page.getByTestId('visitor-name').textContent()).toBe('Martha Green');
      expect(await page.getByLabel('Reply').isVisible()).toBe(false);
      const panel = await page.locator('.details-pane').boundingBox();
      expect(panel?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
      await check('details');
      await screenshot(page, 'phone-inbox-details');
      await page.getByRole('button', { name: 'Back to the chat' }).click();
      await page.getByLabel('Reply').waitFor({ state: 'visible', ...WAIT });
      expect(page.url()).not.toMatch(/view=details/);
      expect(await page.getByTestId('visitor-panel').isVisible()).toBe(false);

      // The browser's Back goes to the list, Forward to the chat again; the header's back to the list.
      await page.goBack();
      await page.locator('.inbox-list').waitFor({ state: 'visible', ...WAIT });
      expect(await visible(page, '.inbox-chat')).toBe(false);
      expect(new URL(page.url()).search).toBe('');
      await page.goForward();
      await page.locator('.message[data-author="operator"]', { hasText: reply }).waitFor({ state: 'visible', ...WAIT });
      expect(await visible(page, '.inbox-list')).toBe(false);
      await page.getByTestId('back-to-list').click();
      await page.locator('.inbox-list').waitFor({ state: 'visible', ...WAIT });
      expect(new URL(page.url()).search).toBe('');

      // A link straight to the details (no history under it): back leads up a level all the same.
      const chatId = await page.getByTestId('chat-item').filter({ hasText: 'Martha Green' }).getAttribute('data-chat-id');
      await page.goto(`${adminUrl}/inbox?chat=${chatId}&view=details`);
      await page.getByTestId('visitor-panel').waitFor({ state: 'visible', ...WAIT });
      await page.getByRole('button', { name: 'Back to the chat' }).click();
      await page.getByLabel('Reply').waitFor({ state: 'visible', ...WAIT });
      await page.getByTestId('back-to-list').click();
      await page.locator('.inbox-list').waitFor({ state: 'visible', ...WAIT });

      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('tablet: the list and the chat side by side, the details in a drawer over the chat', async () => {
    const { ctx, page } = await signedIn(TABLET);
    try {
      await page.getByTestId('chat-item').filter({ hasText: 'Martha Green' }).click();
      await page.locator('.message[data-author="visitor"]', { hasText: question }).waitFor(WAIT);
      expect(await visible(page, '.inbox-list')).toBe(true);
      expect(await page.getByTestId('back-to-list').isVisible()).toBe(false);
      const list = await page.locator('.inbox-list').boundingBox();
      const chat = await page.locator('.chat-main').boundingBox();
      expect((list?.x ?? 0) + (list?.width ?? 0)).toBeLessThanOrEqual((chat?.x ?? 0) + 1);
      expect(chat?.width ?? 0).toBeGreaterThan(400);
      expect(await page.getByTestId('visitor-panel').isVisible()).toBe(false);

      await page.getByTestId('show-details').click();
      await page.getByTestId('visitor-panel').waitFor({ state: 'visible', ...WAIT });
      expect(await visible(page, '.inbox-list')).toBe(true);
      expect(await sideways(page)).toEqual([]);
      await screenshot(page, 'tablet-inbox-details');
      await page.getByRole('button', { name: 'Back to the chat' }).click();
      await expect.poll(() => page.getByTestId('visitor-panel').isVisible(), WAIT).toBe(false);
      expect(await sideways(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

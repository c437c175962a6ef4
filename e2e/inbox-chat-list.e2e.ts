// The inbox's chat list in real Chromium, in English and Ukrainian: each chat previews the last
// message a person (or the AI) wrote — not the auto-reply that answered it, its internal "Auto-reply:
// …" note or an assignment's system event — and shows how long ago it was, renewed as time passes.
import type { AutoReplyDto, ChatSummaryDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSite, type Owner, registerOwner, screenshot } from './support/accounts.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, login, type Visitor } from './support/inbox-support.js';
import { connectAdmin, emitOk } from './support/widget-support.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const WAIT = { timeout: 15_000 };

describe('chat list', () => {
  let browser: Browser;
  let owner: Owner;
  let ownerId: string;
  let site: { id: string; publicId: string };
  const visitors: Visitor[] = [];
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    // An organization of its own (no AI, which would answer instead of the rules).
    owner = await registerOwner(apiUrl, 'chat-list');
    ownerId = (await login(apiUrl, owner)).user.id;
    site = await createSite(apiUrl, owner.token, 'Bakery', [widgetUrl]);
    browser = await launchBrowser();

    // A keyword rule answers the visitor (a visible SYSTEM message, and an internal note about it).
    await call<AutoReplyDto>(apiUrl, 'POST', `/sites/${site.id}/auto-replies`, {
      token: owner.token,
      body: { trigger: 'KEYWORD', keywords: [stamp], replyText: `Rye bread is 3 EUR (${stamp})` },
    });
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.close();
    await browser?.close();
  });

  /** A visitor's question, answered by the auto-reply, then taken by the owner (a system event). */
  async function answeredAndAssignedChat(question: string): Promise<string> {
    const visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, 'Halyna Visitor');
    visitors.push(visitor);
    const { chatId } = await visitor.say(question);
    await expect.poll(() => visitor.received.some((m) => m.chatId === chatId && m.text.startsWith('Rye bread is 3 EUR')), WAIT).toBe(true);
    const socket = await connectAdmin(apiUrl, owner.token);
    await emitOk(socket, 'chat:assign', { chatId, operatorId: ownerId });
    socket.close();
    const chats = await call<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: owner.token });
    expect(chats.find((c) => c.id === chatId)?.lastMessage?.text).toBe(question);
    return chatId;
  }

  async function ownerPage(lang: 'en' | 'uk'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === 'uk' ? 'uk-UA' : 'en-US' });
    await context.addCookies([{ name: 'chatiq_locale', value: lang, url: adminUrl }]);
    const page = await context.newPage();
    // The page's clock runs on from now; the test moves it on to watch the age change.
    await page.clock.install();
    await page.goto(`${adminUrl}/login`);
    await page.locator('input[name="email"]').fill(owner.email);
    await page.locator('input[name="password"]').fill(owner.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${adminUrl}/inbox`);
    return page;
  }

  for (const [lang, justNow, minutes] of [
    ['en', 'now', /^(\d+) min$/],
    ['uk', 'щойно', /^(\d+) хв$/],
  ] as const) {
    it(`${lang}: previews the visitor's message, not the auto-reply or the assignment, with its age`, async () => {
      const question = `How much is the rye bread? (${stamp} ${lang})`;
      const chatId = await answeredAndAssignedChat(question);
      const page = await ownerPage(lang);
      const item = page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]`);
      await item.waitFor(WAIT);
      expect(await item.getByTestId('chat-preview').textContent()).toBe(question);
      const age = item.getByTestId('chat-age');
      expect(await age.textContent()).toBe(justNow);
      await screenshot(page, `inbox-chat-list-${lang}`);

      // Six minutes on, the list says so by itself.
      await page.clock.fastForward(6 * 60_000);
      const shown = async () => Number(minutes.exec((await age.textContent()) ?? '')?.[1] ?? 0);
      await expect.poll(shown, WAIT).toBeGreaterThanOrEqual(6);
      expect(await shown()).toBeLessThan(10);
      await page.context().close();
    });
  }
});

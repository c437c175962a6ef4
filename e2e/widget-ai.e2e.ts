// The AI assistant in the widget, in real Chromium against the running API, with the fake OpenAI
// server (the OpenAI wire format, at the wire) as the site's provider: the answer streams into a
// bubble piece by piece, the stored answer replaces it (once, marked as the assistant's, also
// after a reload), and a handoff to a person shows a small line.
import type { AiSettingsDto, ChatSummaryDto } from '@chatiq/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../api-server/test/support/fake-openai-server.js';
import { launchBrowser } from './support/browser.js';
import { FAKE_PROVIDER_HOST } from './support/system.js';
import {
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
const API_KEY = `sk-e2e-${Date.now().toString(36)}`;

/** What the widget showed while the answer streamed, recorded in the page at every change. */
type Seen = { streaming: string[]; busy: boolean[]; inLog: boolean[]; typing: string[] };

describe('widget AI answers', () => {
  let browser: Browser;
  let fake: FakeOpenAi;
  let test: WidgetTestSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    fake = await startFakeOpenAi({ host: FAKE_PROVIDER_HOST, apiKey: API_KEY });
    test = await widgetTestSite(apiUrl, widgetUrl, 'ai');
    const settings = await rest<AiSettingsDto>(apiUrl, 'PUT', `/sites/${test.site.id}/ai`, {
      token: test.owner.token,
      body: { enabled: true, apiKey: API_KEY, baseUrl: fake.url, backend: 'responses', model: 'gpt-4.1-mini' },
    });
    expect(settings).toMatchObject({ enabled: true, status: 'ok' });
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it("streams the answer into a bubble, then shows the stored answer once, marked as the assistant's", async () => {
    const answer = 'We ship to every city in Ukraine within two days, and the delivery is free above two thousand hryvnias.';
    fake.script({ kind: 'answer', text: answer, delayMs: 120 });
    const page = await visitorPage(browser, 'ai-visitor');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    // Record every state of the streaming bubble and the typing line as the DOM changes.
    await page.evaluate(() => {
      const shadow = document.getElementById('chatiq-widget-host')!.shadowRoot!;
      const seen: Seen = { streaming: [], busy: [], inLog: [], typing: [] };
      (window as unknown as { seen: Seen }).seen = seen;
      new MutationObserver(() => {
        const bubble = shadow.querySelector('.chatiq-msg[data-streaming]');
        const text = bubble?.querySelector('.chatiq-msg-text')?.textContent ?? '';
        if (bubble && text && seen.streaming.at(-1) !== text) {
          seen.streaming.push(text);
          seen.busy.push(bubble.getAttribute('aria-busy') === 'true');
          seen.inLog.push(bubble.closest('[role="log"][aria-live="polite"]') !== null);
        }
        const typing = shadow.querySelector<HTMLElement>('.chatiq-typing');
        if (typing && !typing.hidden && seen.typing.at(-1) !== typing.textContent) seen.typing.push(typing.textContent ?? '');
      }).observe(shadow, { subtree: true, childList: true, characterData: true, attributes: true });
    });

    await sendFromWidget(page, 'Do you deliver to Lviv?');
    const stored = page.locator('.chatiq-msg[data-author="ai"]:not([data-streaming])');
    await stored.waitFor({ timeout: 15_000 });
    expect(await stored.locator('.chatiq-msg-text').textContent()).toBe(answer);
    expect(await stored.getAttribute('data-author-name')).toBe('Assistant');
    expect(await stored.getAttribute('data-badge')).toBe('AI');
    expect(await page.locator('.chatiq-msg[data-streaming]').count()).toBe(0);
    expect(await page.locator('.chatiq-msg[data-author="ai"]').count()).toBe(1);

    const seen = await page.evaluate(() => (window as unknown as { seen: Seen }).seen);
    // It grew piece by piece, each state a beginning of the final answer, in a polite live region.
    expect(seen.streaming.length).toBeGreaterThan(3);
    for (const [i, text] of seen.streaming.entries()) {
      expect(answer.startsWith(text), text).toBe(true);
      if (i > 0) expect(text.length).toBeGreaterThan(seen.streaming[i - 1]!.length);
    }
    expect(seen.streaming.at(-1)!.length).toBeLessThanOrEqual(answer.length);
    expect(seen.busy.every(Boolean)).toBe(true);
    expect(seen.inLog.every(Boolean)).toBe(true);
    expect(seen.typing).toContain('Assistant is typing…');
    expect(await page.locator('.chatiq-typing').isHidden()).toBe(true);

    // Stored once: after a reload the history has it, still once.
    await page.reload();
    await openWidget(page);
    await page.locator('.chatiq-msg[data-author="ai"]').first().waitFor();
    expect(await page.locator('.chatiq-msg[data-author="ai"] .chatiq-msg-text').allTextContents()).toEqual([answer]);
    expect(page.warnings).toEqual([]);
  });

  it("drops the partial answer when an operator takes over mid-stream, and no assistant's message follows", async () => {
    const answer = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    fake.script({ kind: 'answer', text: answer, delayMs: 150 });
    const page = await visitorPage(browser, 'takeover-visitor');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'Tell me everything about your lamps');
    const bubble = page.locator('.chatiq-msg[data-streaming]');
    await bubble.waitFor({ timeout: 15_000 });
    expect(answer.startsWith((await bubble.locator('.chatiq-msg-text').textContent()) ?? 'x')).toBe(true);

    const visitorId = await page.evaluate(() => localStorage.getItem('chatiq_visitor_id'));
    const chat = (await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token })).find(
      (c) => c.visitor.id === visitorId,
    )!;
    const admin = await connectAdmin(apiUrl, test.owner.token);
    try {
      // Opening reads; assigning the chat to oneself ("Take over") is what stops the assistant.
      const me = await rest<{ id: string }>(apiUrl, 'GET', '/auth/me', { token: test.owner.token });
      await emitOk(admin, 'admin:join', { chatId: chat.id, afterSeq: 0 });
      await emitOk(admin, 'chat:assign', { chatId: chat.id, operatorId: me.id });
      await bubble.waitFor({ state: 'detached', timeout: 10_000 });
      // Nothing of the stream shows up afterwards: the provider's stream was closed, and a later
      // operator message reaches the widget after anything the server sent it before.
      await expect.poll(() => fake.requests.at(-1)?.closedEarly, { timeout: 10_000 }).toBe(true);
      await emitOk(admin, 'admin:message', { chatId: chat.id, clientId: `after-takeover-${Date.now()}`, text: 'A person here' });
      await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'A person here' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('.chatiq-msg[data-author="ai"]').count()).toBe(0);
      const messages = await rest<{ authorKind: string }[]>(apiUrl, 'GET', `/chats/${chat.id}/messages`, { token: test.owner.token });
      expect(messages.filter((m) => m.authorKind === 'AI')).toEqual([]);
    } finally {
      admin.close();
    }
  });

  it('shows a small line when the assistant hands the chat to a person', async () => {
    fake.script({ kind: 'handoff', note: 'The visitor wants a refund' });
    const page = await visitorPage(browser, 'handoff-visitor');
    await page.goto(demoPageUrl(widgetUrl, apiUrl, test.site.publicId));
    await openWidget(page);
    await sendFromWidget(page, 'I want my money back for order 1234');
    const line = page.locator('.chatiq-handoff');
    await line.waitFor({ timeout: 15_000 });
    // Nobody of the team has the admin panel open yet: the visitor is told to wait.
    expect(await line.textContent()).toBe('Waiting for an operator');
    expect(await page.locator('.chatiq-msg[data-streaming]').count()).toBe(0);

    // The chat waits for a person in the inbox; when one answers, the line goes.
    const visitorId = await page.evaluate(() => localStorage.getItem('chatiq_visitor_id'));
    const waiting = async () =>
      (await rest<ChatSummaryDto[]>(apiUrl, 'GET', '/chats', { token: test.owner.token })).find(
        (c) => c.visitor.id === visitorId && c.aiState === 'WAITING_FOR_HUMAN',
      );
    await expect.poll(waiting, { timeout: 10_000 }).toBeTruthy();
    const admin = await connectAdmin(apiUrl, test.owner.token);
    try {
      // Someone who can answer signs in: the line says a person is coming, live.
      await expect.poll(() => line.textContent(), { timeout: 10_000 }).toBe('Connecting you to a person…');
      const chatId = (await waiting())!.id;
      await emitOk(admin, 'admin:join', { chatId, afterSeq: 0 });
      await emitOk(admin, 'admin:message', {
        chatId,
        clientId: `e2e-human-${Date.now()}`,
        text: 'Hi, I am Olena. Let me check your order.',
      });
      await page.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Let me check your order.' }).waitFor({ timeout: 10_000 });
      await line.waitFor({ state: 'hidden', timeout: 5_000 });
    } finally {
      admin.close();
    }
  });
});

// The AI assistant in the operator inbox, in real Chromium against the real API answering through
// a fake OpenAI server (the OpenAI wire format, started here; the site's AI settings point at it):
// an AI-answered chat shows its state; opening it only watches it (the AI keeps it); "Take over"
// takes it (visible, with the transition in the timeline); "Hand back to AI" gives it back, a
// reconnect re-joins without taking it again, and the next answer streams live into the open
// chat, replaced by the stored message; an AI failure discards the partial answer and hands the
// chat to humans with the reason inline; "Suggest reply" drafts into the composer without sending.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AiSettingsDto, ChatSummaryDto, CreatedSiteDto, MessageDto } from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../api-server/test/support/fake-openai-server.js';
import { launchBrowser } from './support/browser.js';
import { call, connectVisitor, DEMO_OWNER, login, signIn, type Visitor } from './support/inbox-support.js';
import { newLoggedPage } from './support/pages.js';
import { FAKE_PROVIDER_HOST, resultsDir } from './support/system.js';

const adminUrl = inject('adminUrl');
const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');
const shots = path.join(resultsDir, 'screenshots');
const WAIT = { timeout: 20_000 };
const API_KEY = `sk-e2e-${Date.now()}-inbox`;

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const aiReplies = (visitor: Visitor) => visitor.received.filter((m) => m.authorKind === 'AI');

describe('inbox with the AI assistant', () => {
  let browser: Browser;
  let owner: Page;
  let fake: FakeOpenAi;
  let site: CreatedSiteDto;
  let visitor: Visitor;
  let token: string;
  let chatId: string;
  /** The chat as the API has it now. */
  const apiChat = async () =>
    (await call<ChatSummaryDto[]>(apiUrl, 'GET', `/chats?siteId=${site.id}`, { token })).find((c) => c.id === chatId);
  const stamp = Date.now();
  const visitorName = `Maria ${stamp}`;

  beforeAll(async () => {
    fake = await startFakeOpenAi({
      host: FAKE_PROVIDER_HOST,
      apiKey: API_KEY,
      script: { kind: 'answer', text: 'Hello! We open at nine.', delayMs: 10 },
    });
    token = (await login(apiUrl, DEMO_OWNER)).accessToken;
    // A site of its own, so the AI never answers the other browser tests' visitors.
    site = await call<CreatedSiteDto>(apiUrl, 'POST', '/sites', {
      token,
      body: { name: `AI shop ${stamp}`, allowedOrigins: [widgetUrl] },
    });
    const settings = await call<AiSettingsDto>(apiUrl, 'PUT', `/sites/${site.id}/ai`, {
      token,
      body: { enabled: true, apiKey: API_KEY, baseUrl: fake.url, backend: 'responses', model: 'gpt-4.1-mini', instructions: 'Be brief.' },
    });
    expect(settings).toMatchObject({ enabled: true, status: 'ok' });
    browser = await launchBrowser();
    owner = await newLoggedPage(browser, 'owner');
    await signIn(owner, adminUrl, DEMO_OWNER);
  });
  afterAll(async () => {
    visitor?.close();
    await browser?.close();
    await fake?.close();
  });

  it('shows a chat the AI is answering; opening it watches it, "Take over" takes it visibly', async () => {
    visitor = await connectVisitor(apiUrl, site.publicId, widgetUrl, visitorName);
    await visitor.say('When do you open?');
    await expect.poll(() => aiReplies(visitor).map((m) => m.text), WAIT).toEqual(['Hello! We open at nine.']);

    const item = owner.getByTestId('chat-item').filter({ hasText: visitorName });
    await item.waitFor(WAIT);
    await expect.poll(() => item.getAttribute('data-ai-state'), WAIT).toBe('AI');
    expect(await item.getByTestId('ai-state').textContent()).toBe('AI answering');
    await shot(owner, 'inbox-ai-answering');

    chatId = (await item.getAttribute('data-chat-id'))!;
    await item.click();
    await owner.locator('.message[data-author="ai"]', { hasText: 'We open at nine' }).waitFor(WAIT);
    // Opening it changed nothing: the AI still answers, nobody owns it.
    await owner.getByTestId('ai-answering-notice').waitFor(WAIT);
    const header = owner.locator('.chat-header-wrap');
    expect(await header.getByTestId('ai-state').textContent()).toBe('AI answering');
    expect(await owner.getByTestId('chat-assignee').textContent()).toBe('Unassigned');
    expect(await owner.getByTestId('takeover-notice').count()).toBe(0);
    expect(await apiChat()).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
    await shot(owner, 'inbox-ai-watching');

    await owner.getByTestId('take-over').click();
    await owner.getByTestId('takeover-notice').waitFor(WAIT);
    await expect.poll(() => header.getByTestId('ai-state').textContent(), WAIT).toBe('Human');
    const takeover = owner.locator('[data-testid="transition"][data-reason="operator_takeover"]');
    await takeover.waitFor(WAIT);
    expect(await takeover.textContent()).toMatch(/from the AI/);
    await expect.poll(() => owner.getByTestId('chat-assignee').textContent(), WAIT).toBe('Assigned to Olena Owner');
    await shot(owner, 'inbox-ai-takeover');
  });

  it('hands the chat back to the AI, and shows its next answer streaming live', async () => {
    await owner.getByRole('button', { name: 'Hand back to AI' }).click();
    const header = owner.locator('.chat-header-wrap');
    await expect.poll(() => header.getByTestId('ai-state').textContent(), WAIT).toBe('AI answering');
    await owner.locator('[data-testid="transition"][data-reason="operator_handback"]').waitFor(WAIT);
    expect(await owner.getByRole('button', { name: 'Hand back to AI' }).count()).toBe(0);

    // The connection drops and comes back: the inbox re-joins the open chat without taking it.
    await owner.context().setOffline(true);
    await owner.locator('.connection.offline').waitFor(WAIT);
    await owner.context().setOffline(false);
    await owner.locator('.connection.online').waitFor(WAIT);
    // Whether the re-join took the chat is checked below, once the AI's next answer has streamed to
    // this operator: it only streams to a socket in the chat's room, i.e. after the re-join.

    const chunks = ['Our ', 'shop ', 'closes ', 'at ', 'six ', 'on ', 'weekdays ', 'and ', 'at ', 'four ', 'on ', 'Saturdays.'];
    const answer = chunks.join('');
    fake.script({ kind: 'answer', text: answer, chunks, delayMs: 250 });
    await visitor.say('And when do you close?');

    // Sample the streaming bubble until the stored answer has replaced it.
    const partials = new Set<string>();
    const stored = owner.locator('.message[data-author="ai"]:not(.streaming)', { hasText: 'closes at six' });
    const deadline = Date.now() + WAIT.timeout;
    while ((await stored.count()) === 0 && Date.now() < deadline) {
      const text = await owner.evaluate(() => document.querySelector('[data-testid="ai-stream-text"]')?.textContent ?? null);
      if (text) partials.add(text);
      if (partials.size === 3) await shot(owner, 'inbox-ai-streaming');
      await new Promise((r) => setTimeout(r, 40));
    }
    await stored.waitFor(WAIT);
    const seen = [...partials];
    // It grew in front of the operator: several partial texts, each the start of the answer.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const text of seen) expect(answer.startsWith(text)).toBe(true);
    expect(seen.some((text) => text.length < answer.length / 2)).toBe(true);
    // The bubble is gone, the stored message is there once, and the visitor got the same answer.
    await expect.poll(() => owner.getByTestId('ai-stream').count(), WAIT).toBe(0);
    expect(await stored.count()).toBe(1);
    expect(await stored.locator('.message-text').textContent()).toBe(answer);
    await expect.poll(() => aiReplies(visitor).map((m) => m.text), WAIT).toContain(answer);
    // The re-join after the reconnect did not take the chat: the AI still has it.
    expect(await apiChat()).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
    expect(await header.getByTestId('ai-state').textContent()).toBe('AI answering');
    expect(await owner.locator('[data-testid="transition"][data-reason="operator_takeover"]').count()).toBe(1);
  });

  it('discards a failed answer and hands the chat to humans with the reason inline', async () => {
    fake.script({ kind: 'stream_error', text: 'This partial answer must vanish', code: 'server_error', message: 'The model crashed' });
    await visitor.say('Do you deliver?');

    const handoff = owner.locator('[data-testid="transition"][data-to="WAITING_FOR_HUMAN"]');
    await handoff.waitFor(WAIT);
    expect(await handoff.getAttribute('data-reason')).toBe('ai_error');
    expect(await handoff.textContent()).toMatch(/^Handed to a human/);
    const header = owner.locator('.chat-header-wrap');
    await expect.poll(() => header.getByTestId('ai-state').textContent(), WAIT).toBe('Waiting for a human');
    await owner.getByRole('button', { name: 'Hand back to AI' }).waitFor(WAIT);
    expect(await owner.getByTestId('ai-stream').count()).toBe(0);
    expect(await owner.locator('.messages').textContent()).not.toContain('must vanish');
    expect(aiReplies(visitor).some((m: MessageDto) => m.text.includes('must vanish'))).toBe(false);

    // The chat stands out, and the "Needs a human" filter finds it.
    const item = owner.getByTestId('chat-item').filter({ hasText: visitorName });
    await expect.poll(() => item.getAttribute('class'), WAIT).toContain('needs-human');
    await owner.getByRole('button', { name: /Needs a human/ }).click();
    await expect.poll(() => owner.getByTestId('chat-item').filter({ hasText: visitorName }).count(), WAIT).toBe(1);
    for (const state of await owner.getByTestId('chat-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-ai-state')))) {
      expect(state).toBe('WAITING_FOR_HUMAN');
    }
    await shot(owner, 'inbox-ai-needs-human');
    await owner.getByRole('button', { name: /Needs a human/ }).click();
  });

  it('drafts a suggested reply into the composer without sending it', async () => {
    const suggestion = `We deliver within the city for free (${stamp}).`;
    fake.script({ kind: 'answer', text: suggestion });
    const before = visitor.received.length;
    await owner.getByRole('button', { name: 'Suggest reply' }).click();
    await expect.poll(() => owner.getByLabel('Reply').inputValue(), WAIT).toBe(suggestion);
    // Anything the suggestion had sent would have gone out before its answer: a round trip on the
    // visitor's socket comes after it.
    await visitor.socket.emitWithAck('visitor:typing', { typing: false });
    expect(visitor.received.length).toBe(before);
    expect(await owner.locator('.message', { hasText: suggestion }).count()).toBe(0);
    await shot(owner, 'inbox-ai-suggestion');
  });
});

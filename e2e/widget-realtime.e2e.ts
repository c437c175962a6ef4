// The widget's realtime features in real Chromium against the running API: typing both ways,
// read receipts, the visitor's other tabs, a resolved chat and the next one, page tracking.
// The operator is a Socket.IO admin client in this test (not the admin panel UI), so each step
// asserts exactly one contract event.
import {
  type Ack,
  type ChatSummaryDto as ChatSummary,
  CONTRACT_VERSION,
  type LiveVisitorDto as LiveVisitor,
  type MessageDto as StoredMessage,
} from '@chatiq/contracts';
import type { Browser, Page } from 'playwright-core';
import { type Socket as AdminSocket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { nextEvent } from './support/widget-support.js';

const apiUrl = inject('apiUrl');
const widgetUrl = inject('widgetUrl');

type AckResult = Ack<Record<string, unknown>>;

const run = Date.now().toString(36);
const demoPage = `${widgetUrl}/?siteId=site_demo&apiUrl=${encodeURIComponent(apiUrl)}&language=en`;

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('widget realtime', () => {
  let browser: Browser;
  let visitor: Page;
  let admin: AdminSocket;
  let token: string;
  let operatorName: string;
  let chatId: string;

  const emit = async (event: string, payload: unknown): Promise<Record<string, unknown>> => {
    const ack = (await admin.timeout(10_000).emitWithAck(event, payload)) as AckResult;
    if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    return ack.data;
  };
  const chats = async () => (await api<ChatSummary[]>('GET', '/chats', token)).body;
  const visitorMessages = (page: Page = visitor) => page.locator('.chatiq-msg[data-author="visitor"]');

  async function send(page: Page, text: string): Promise<void> {
    await page.locator('.chatiq-input').fill(text);
    await page.locator('.chatiq-send').click();
    await page.locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: text }).waitFor({ timeout: 10_000 });
  }

  beforeAll(async () => {
    const login = await api<{ accessToken: string; user: { name: string } }>('POST', '/auth/login', undefined, {
      email: 'operator@demo.chatiq.dev',
      password: 'demo-operator-123',
    });
    expect(login.status).toBeLessThan(300);
    token = login.body.accessToken;
    operatorName = login.body.user.name;
    admin = io(`${apiUrl}/admin`, {
      auth: { token, contractVersion: CONTRACT_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      admin.once('connect', () => resolve());
      admin.once('connect_error', reject);
    });

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    visitor = await context.newPage();
    visitor.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.log(`[visitor console] ${m.type()}: ${m.text()}`);
    });
  });
  afterAll(async () => {
    admin?.close();
    await browser?.close();
  });

  it('the visitor starts a chat and the operator opens it', async () => {
    await visitor.goto(demoPage);
    await visitor.locator('.chatiq-launcher').click();
    const first = `Hello from the realtime test ${run}`;
    await send(visitor, first);
    await expect.poll(async () => (await chats()).find((c) => c.lastMessage?.text === first)?.id, { timeout: 10_000 }).toBeTruthy();
    chatId = (await chats()).find((c) => c.lastMessage?.text === first)!.id;
    await emit('admin:join', { chatId, afterSeq: 0 });
  });

  it("shows the operator's typing, and hides it when they stop", async () => {
    const typing = visitor.locator('.chatiq-typing');
    expect(await typing.isVisible()).toBe(false);
    await emit('admin:typing', { chatId, typing: true });
    await typing.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await typing.textContent()).toBe(`${operatorName} is typing…`);
    await emit('admin:typing', { chatId, typing: false });
    await typing.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it("sends the visitor's typing to the operator, and its end when the message is sent", async () => {
    const started = nextEvent<{ chatId: string; typing: boolean }>(admin, 'visitor:typing', (p) => p.chatId === chatId && p.typing);
    await visitor.locator('.chatiq-input').pressSequentially('Do you ship', { delay: 30 });
    await started;
    const stopped = nextEvent<{ chatId: string; typing: boolean }>(admin, 'visitor:typing', (p) => p.chatId === chatId && !p.typing);
    await visitor.locator('.chatiq-input').pressSequentially(' to Odesa?');
    await visitor.locator('.chatiq-send').click();
    await stopped;
    await expect.poll(() => visitorMessages().count()).toBe(2);
  });

  it('reports what the visitor read, and shows "Seen" once the operator read their messages', async () => {
    // The panel is open in a visible tab: the operator's reply is read at once.
    let visitorReadUpTo = 0;
    const onRead = (p: { chatId: string; seq: number; by: string }) => {
      if (p.chatId === chatId && p.by === 'visitor') visitorReadUpTo = Math.max(visitorReadUpTo, p.seq);
    };
    admin.on('message:read', onRead);
    const reply = (await emit('admin:message', { chatId, clientId: `e2e-reply-${run}`, text: 'Yes, we do.' })) as {
      message: StoredMessage;
    };
    await expect.poll(() => visitorReadUpTo, { timeout: 10_000 }).toBe(reply.message.seq);
    admin.off('message:read', onRead);
    await visitor.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Yes, we do.' }).waitFor({ timeout: 10_000 });

    expect(await visitor.locator('.chatiq-msg[data-seen]').count()).toBe(0);
    await emit('admin:read', { chatId, seq: reply.message.seq });
    await expect.poll(() => visitor.locator('.chatiq-msg[data-author="visitor"][data-seen]').count(), { timeout: 10_000 }).toBe(2);
    expect(await visitor.locator('.chatiq-msg[data-author="operator"][data-seen]').count()).toBe(0);
    // The mark is drawn by the stylesheet: the message's text stays its own.
    expect(await visitorMessages().first().locator('.chatiq-msg-text').textContent()).toBe(`Hello from the realtime test ${run}`);
  });

  it('shows the messages the visitor writes in another tab', async () => {
    const otherTab = await visitor.context().newPage();
    await otherTab.goto(demoPage);
    await otherTab.locator('.chatiq-launcher').click();
    await expect.poll(() => visitorMessages(otherTab).count(), { timeout: 10_000 }).toBe(2);
    const text = `Written in the other tab ${run}`;
    await send(otherTab, text);
    await visitor.locator('.chatiq-msg[data-author="visitor"]', { hasText: text }).waitFor({ timeout: 10_000 });
    expect(await visitorMessages().count()).toBe(3);
    await otherTab.close();
    await visitor.bringToFront();
  });

  it('reports a single-page navigation (history.pushState) to the operators', async () => {
    const before = await api<LiveVisitor[]>('GET', '/live-visitors', token);
    expect(before.body.find((v) => v.chatId === chatId)?.currentPageUrl).not.toContain('/pricing');
    await visitor.evaluate(() => {
      history.pushState({ from: 'test' }, '', '/pricing?plan=pro');
      document.title = 'Pricing';
    });
    expect(await visitor.evaluate(() => [location.pathname, (history.state as { from: string }).from])).toEqual(['/pricing', 'test']);
    await expect
      .poll(async () => (await api<LiveVisitor[]>('GET', '/live-visitors', token)).body.find((v) => v.chatId === chatId), {
        timeout: 10_000,
      })
      .toMatchObject({ currentPageUrl: `${widgetUrl}/pricing?plan=pro`, currentPageTitle: 'Pricing' });
  });

  it('says when the chat was closed; the next message starts a new chat the widget follows', async () => {
    const closed = visitor.locator('.chatiq-closed');
    expect(await closed.isVisible()).toBe(false);
    await emit('chat:resolve', { chatId });
    await closed.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await closed.textContent()).toBe('This conversation was closed — write to start a new one.');

    const next = `A new question ${run}`;
    await send(visitor, next);
    await closed.waitFor({ state: 'hidden', timeout: 10_000 });
    const newChat = (await chats()).find((c) => c.lastMessage?.text === next);
    expect(newChat?.id).toBeTruthy();
    expect(newChat?.id).not.toBe(chatId);
    expect((await chats()).find((c) => c.id === chatId)?.status).toBe('RESOLVED');

    // The widget now lives in the new chat: the operator's typing and reply there reach it.
    const newChatId = newChat!.id;
    await emit('admin:join', { chatId: newChatId, afterSeq: 0 });
    await emit('admin:typing', { chatId: newChatId, typing: true });
    await visitor.locator('.chatiq-typing').waitFor({ state: 'visible', timeout: 10_000 });
    await emit('admin:message', { chatId: newChatId, clientId: `e2e-new-${run}`, text: 'Welcome back!' });
    await visitor.locator('.chatiq-msg[data-author="operator"]', { hasText: 'Welcome back!' }).waitFor({ timeout: 10_000 });
    // The operator's message ends their typing.
    await visitor.locator('.chatiq-typing').waitFor({ state: 'hidden', timeout: 2_000 });
  });
});

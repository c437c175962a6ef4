// The AI answering visitors over the real API, real sockets and the fake OpenAI at the wire:
// streaming, the stored answer, what the model is sent, handoffs by tool call and by request.
import type {
  AiDeltaPayload,
  AiDonePayload,
  AiHandoffPayload,
  ChatSummaryDto,
  ChatsUpdatedPayload,
  ChatTransitionDto,
  MessageDto,
} from '@chatiq/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AiSite, aiSite, putAiSettings, record, testApiKey, testKeyring, untilPasses } from '../../test/support/ai.js';
import { handledVisitorMessages } from '../../test/support/automation.js';
import { api, connectAdmin, connectWidget, newClientId, ok, type WidgetSocket, widgetRoundTrip } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { AiAnswerService } from './ai-answer.service.js';

describe('AI answering', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let ai: AiSite;
  const apiKey = testApiKey();
  const open: { close: () => void }[] = [];
  let handled: string[];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey, vectorStores: ['vs_faq'] });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), EGRESS_ALLOW: fake.egressAllow });
    handled = handledVisitorMessages(t.app);
    ai = await aiSite(t.url, fake, apiKey, { instructions: 'You are the shop assistant.', vectorStoreIds: ['vs_faq'] });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.script({ kind: 'answer', text: 'Hello! How can I help you today?' });
  });

  async function visitor(locale?: string): Promise<{ socket: WidgetSocket; events: ReturnType<typeof record>; visitorId: string }> {
    const socket = await connectWidget(t.url, ai.site.publicId);
    open.push(socket);
    const events = record(socket);
    const { visitorId } = ok(await socket.emitWithAck('visitor:join', locale ? { locale } : {}));
    return { socket, events, visitorId };
  }

  const say = async (socket: WidgetSocket, text: string) =>
    ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text })).message;

  /**
   * The barrier before "the AI did nothing (more)": every listener has decided about `message`, no
   * answer is running on the node, and a round trip on the widget came after anything sent to it.
   */
  const settled = async (socket: WidgetSocket, message?: MessageDto) => {
    if (message) await eventually('the listeners of the message', () => handled.includes(message.id));
    await t.app.get(AiAnswerService).whenIdle();
    await widgetRoundTrip(socket);
  };

  it('streams the answer to the widget in order and stores exactly the joined deltas as an AI message', async () => {
    const text = 'Our shop is open from nine to six, Monday to Saturday. Anything else?';
    fake.script({ kind: 'answer', text, delayMs: 5 });
    const { socket, events, visitorId } = await visitor();
    const question = await say(socket, 'When are you open?');

    const done = await events.waitFor<AiDonePayload>('ai:done');
    const deltas = events.of<AiDeltaPayload>('ai:delta');
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
    expect(new Set(deltas.map((d) => d.streamId))).toEqual(new Set([done.streamId]));
    expect(deltas.map((d) => d.delta).join('')).toBe(text);
    expect(done.message).toMatchObject({ authorKind: 'AI', text, chatId: question.chatId, internal: false });

    // Typing first, the deltas, then done; the answer also arrives as a normal message.
    const order = events.events.map((e) => e.event).filter((e) => e.startsWith('ai:'));
    expect(order[0]).toBe('ai:typing');
    expect(order.at(-1)).toBe('ai:done');
    const asMessage = await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'AI');
    expect(asMessage.id).toBe(done.message.id);

    const stored = await t.prisma.message.findMany({ where: { chatId: question.chatId }, orderBy: { seq: 'asc' } });
    expect(stored.map((m) => [m.authorKind, m.text, m.seq, m.publicSeq])).toEqual([
      ['VISITOR', 'When are you open?', 1, 1],
      ['AI', text, 2, 2],
    ]);
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: question.chatId } });
    expect(chat).toMatchObject({ aiState: 'AI', handledBy: 'AI', assignedOperatorId: null });
    expect(chat.aiTokensUsed).toBeGreaterThan(0);

    // The resumed history has it too.
    const history = ok(await socket.emitWithAck('visitor:join', { visitorId }));
    expect(history.messages.map((m) => m.text)).toEqual(['When are you open?', text]);
  });

  it('sends the model the instructions, the chat history and the knowledge (file_search) with the handoff tool', async () => {
    const { socket, events } = await visitor();
    await say(socket, 'Do you ship to Lviv?');
    await events.waitFor('ai:done');
    fake.script({ kind: 'answer', text: 'Yes, in two days.' });
    await say(socket, 'How long does it take?');
    await events.waitFor<AiDonePayload>('ai:done', (d) => d.message.text === 'Yes, in two days.');

    const last = fake.requests.filter((r) => r.path === '/v1/responses').at(-1)!;
    expect(last.authorization).toBe(`Bearer ${apiKey}`);
    const body = last.body as {
      instructions: string;
      input: { role: string; content: string }[];
      tools: { type: string; name?: string; vector_store_ids?: string[] }[];
      stream: boolean;
      store: boolean;
    };
    expect(body).toMatchObject({ instructions: 'You are the shop assistant.', stream: true, store: false });
    expect(body.input).toEqual([
      { role: 'user', content: 'Do you ship to Lviv?' },
      { role: 'assistant', content: 'Hello! How can I help you today?' },
      { role: 'user', content: 'How long does it take?' },
    ]);
    expect(body.tools).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'file_search', vector_store_ids: ['vs_faq'] }),
        expect.objectContaining({ type: 'function', name: 'handoff_to_human' }),
      ]),
    );
  });

  it('answers one message at a time per chat: messages sent meanwhile are answered together afterwards', async () => {
    fake.script({ kind: 'answer', text: 'one two three four five six seven eight', delayMs: 30 });
    const { socket, events } = await visitor();
    const before = fake.requests.filter((r) => r.path === '/v1/responses').length;
    await say(socket, 'first');
    await events.waitFor<AiDeltaPayload>('ai:delta', (d) => d.index >= 1);
    await say(socket, 'second');
    await say(socket, 'third');
    await untilPasses(() => expect(events.of<AiDonePayload>('ai:done')).toHaveLength(2), 5000);
    await settled(socket);
    expect(events.of<AiDonePayload>('ai:done')).toHaveLength(2);
    const calls = fake.requests.filter((r) => r.path === '/v1/responses').slice(before);
    expect(calls).toHaveLength(2);
    // The messages written during the first answer come after it, as the visitor meant them.
    expect((calls[1]!.body as { input: { role: string; content: string }[] }).input).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'one two three four five six seven eight' },
      { role: 'user', content: 'second' },
      { role: 'user', content: 'third' },
    ]);
    expect(events.of<AiDonePayload>('ai:done')).toHaveLength(2);
  });

  it('records usage per site and UTC day', async () => {
    const before = (
      await api<{ requests: number; inputTokens: number; outputTokens: number }[]>(t.url, 'GET', `/sites/${ai.site.id}/ai/usage?days=2`, {
        token: ai.token,
      })
    ).body;
    expect(before).toHaveLength(2);
    fake.script({ kind: 'answer', text: 'Counted.', usage: { inputTokens: 120, outputTokens: 7 } });
    const { socket, events } = await visitor();
    await say(socket, 'count me');
    await events.waitFor('ai:done');
    const after = (await api<typeof before>(t.url, 'GET', `/sites/${ai.site.id}/ai/usage?days=2`, { token: ai.token })).body;
    const today = new Date().toISOString().slice(0, 10);
    expect(after.at(-1)).toMatchObject({ day: today });
    expect(after.at(-1)!.requests - before.at(-1)!.requests).toBe(1);
    expect(after.at(-1)!.inputTokens - before.at(-1)!.inputTokens).toBe(120);
    expect(after.at(-1)!.outputTokens - before.at(-1)!.outputTokens).toBe(7);
  });

  it('hands over when the model calls handoff_to_human: polite message, state, transition with the note', async () => {
    fake.script({ kind: 'handoff', note: 'Wants a refund for order 42' });
    const owner = await connectAdmin(t.url, ai.token);
    open.push(owner);
    const admin = record(owner);
    const { socket, events } = await visitor();
    const question = await say(socket, 'I want my money back for order 42');

    const handoff = await events.waitFor<AiHandoffPayload>('ai:handoff');
    expect(handoff).toEqual({ chatId: question.chatId, reason: 'model_requested', state: 'WAITING_FOR_HUMAN' });
    const polite = await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM');
    expect(polite.text).toMatch(/colleague/);
    expect(polite.internal).toBe(false);
    expect(events.of('ai:done')).toEqual([]);

    const waitingForHuman = (c: ChatSummaryDto) => c.id === question.chatId && c.aiState === 'WAITING_FOR_HUMAN';
    const updated = (await admin.waitFor<ChatsUpdatedPayload>('chats:updated', ({ chats }) => chats.some(waitingForHuman))).chats.find(
      waitingForHuman,
    );
    expect(updated).toMatchObject({ handledBy: 'UNASSIGNED', assignedOperatorId: null });
    const transitions = (await api<ChatTransitionDto[]>(t.url, 'GET', `/chats/${question.chatId}/transitions`, { token: ai.token })).body;
    expect(transitions).toEqual([
      expect.objectContaining({ from: 'AI', to: 'WAITING_FOR_HUMAN', reason: 'model_requested', detail: 'Wants a refund for order 42' }),
    ]);

    // The AI stays quiet afterwards: the next visitor message waits for a person.
    const requests = fake.requests.length;
    await settled(socket, await say(socket, 'hello?'));
    expect(fake.requests.length).toBe(requests);
  });

  it.each([
    ['en', 'Can I talk to a human, please?', /colleague/],
    ['uk', "З'єднайте мене з оператором", /колезі/],
    ['uk', 'Хочу поговорити з людиною', /колезі/],
  ])('hands over without asking the model when the visitor asks for a person (%s: %s)', async (locale, text, reply) => {
    const { socket, events } = await visitor(locale);
    const requests = fake.requests.length;
    const message = await say(socket, text);
    const handoff = await events.waitFor<AiHandoffPayload>('ai:handoff');
    expect(handoff).toMatchObject({ reason: 'visitor_requested', state: 'WAITING_FOR_HUMAN' });
    expect((await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM')).text).toMatch(reply);
    expect(fake.requests.length).toBe(requests);
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: message.chatId } });
    expect(chat).toMatchObject({ aiState: 'WAITING_FOR_HUMAN', handledBy: 'UNASSIGNED' });
    const transitions = await t.prisma.chatTransition.findMany({ where: { chatId: message.chatId } });
    expect(transitions.map((tr) => [tr.from, tr.to, tr.reason])).toEqual([[null, 'WAITING_FOR_HUMAN', 'visitor_requested']]);
    const usage = await t.prisma.aiUsageDay.findFirstOrThrow({ where: { siteId: ai.site.id } });
    expect(usage.handoffs).toBeGreaterThan(0);
  });

  it('answers over Chat Completions for self-hosted servers', async () => {
    const other = await aiSite(t.url, fake, apiKey, { backend: 'chat_completions' });
    fake.script({ kind: 'answer', text: 'Served by chat completions.' });
    const socket = await connectWidget(t.url, other.site.publicId);
    open.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    await say(socket, 'hi');
    const done = await events.waitFor<AiDonePayload>('ai:done');
    expect(done.message.text).toBe('Served by chat completions.');
    expect(
      events
        .of<AiDeltaPayload>('ai:delta')
        .map((d) => d.delta)
        .join(''),
    ).toBe('Served by chat completions.');
    expect(fake.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });

  it('does not answer while the AI is off', async () => {
    const off = await aiSite(t.url, fake, apiKey);
    expect((await putAiSettings(t.url, off.token, off.site.id, { enabled: false, baseUrl: fake.url })).status).toBe(200);
    const socket = await connectWidget(t.url, off.site.publicId);
    open.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    const requests = fake.requests.length;
    const message = await say(socket, 'anyone?');
    await settled(socket, message);
    expect(events.events.filter((e) => e.event.startsWith('ai:'))).toEqual([]);
    expect(fake.requests.length).toBe(requests);
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: message.chatId } })).aiState).toBeNull();
  });

  it('hands the chats the AI held to people once it is turned off', async () => {
    const site = await aiSite(t.url, fake, apiKey);
    const socket = await connectWidget(t.url, site.site.publicId);
    open.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    const first = await say(socket, 'hello');
    await events.waitFor('ai:done');
    expect((await putAiSettings(t.url, site.token, site.site.id, { enabled: false, baseUrl: fake.url })).status).toBe(200);
    const requests = fake.requests.length;
    await say(socket, 'are you still there?');
    expect(await events.waitFor<AiHandoffPayload>('ai:handoff')).toMatchObject({ state: 'WAITING_FOR_HUMAN' });
    expect((await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM')).text).toMatch(/colleague/);
    expect(fake.requests.length).toBe(requests);
    const transition = await t.prisma.chatTransition.findFirstOrThrow({ where: { chatId: first.chatId } });
    expect(transition).toMatchObject({ from: 'AI', to: 'WAITING_FOR_HUMAN', detail: expect.stringMatching(/turned off/) });
  });

  it('hands a chat back to the AI; the operator who handed back watches the stream', async () => {
    const { socket, events } = await visitor();
    const first = await say(socket, 'hi');
    await events.waitFor('ai:done');
    const owner = await connectAdmin(t.url, ai.token);
    open.push(owner);
    const admin = record(owner);
    // Opening the chat only watches it; "Assign to me" takes it over…
    ok(await owner.emitWithAck('admin:join', { chatId: first.chatId }));
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } })).aiState).toBe('AI');
    ok(await owner.emitWithAck('chat:assign', { chatId: first.chatId, operatorId: ai.owner.user.id }));
    expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } })).aiState).toBe('HUMAN');
    // …and handing back gives it to the AI, unassigned.
    const back = ok(await owner.emitWithAck('chat:handback', { chatId: first.chatId }));
    expect(back.chat).toMatchObject({ aiState: 'AI', handledBy: 'AI', assignedOperatorId: null });
    const transition = await admin.waitFor<ChatTransitionDto>('chat:transition', (tr) => tr.reason === 'operator_handback');
    expect(transition).toMatchObject({ from: 'HUMAN', to: 'AI', chatId: first.chatId });
    expect(await events.waitFor<AiHandoffPayload>('ai:handoff', (h) => h.state === 'AI')).toMatchObject({ reason: 'operator_handback' });

    fake.script({ kind: 'answer', text: 'Back at your service.' });
    await say(socket, 'still there?');
    const done = await admin.waitFor<AiDonePayload>('ai:done');
    expect(done.message.text).toBe('Back at your service.');
    expect(
      admin
        .of<AiDeltaPayload>('ai:delta')
        .map((d) => d.delta)
        .join(''),
    ).toBe('Back at your service.');
    expect(admin.of('ai:typing')).toHaveLength(1);
    const transitions = (await api<ChatTransitionDto[]>(t.url, 'GET', `/chats/${first.chatId}/transitions`, { token: ai.token })).body;
    expect(transitions.map((tr) => [tr.from, tr.to, tr.reason])).toEqual([
      ['AI', 'HUMAN', 'operator_takeover'],
      ['HUMAN', 'AI', 'operator_handback'],
    ]);
  });

  it('drafts a reply for the operator without sending it or changing the chat', async () => {
    const { socket, events } = await visitor();
    const first = await say(socket, 'Can I pay by card?');
    await events.waitFor('ai:done');
    const before = await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } });
    fake.script({ kind: 'answer', text: 'Yes, we accept Visa and Mastercard.' });
    const suggestion = await api<{ text: string }>(t.url, 'POST', `/chats/${first.chatId}/ai/suggest`, { token: ai.token });
    expect(suggestion).toEqual({ status: 200, body: { text: 'Yes, we accept Visa and Mastercard.' } });
    const tools = (fake.requests.at(-1)!.body as { tools?: { name?: string }[] }).tools ?? [];
    expect(tools.map((tool) => tool.name)).not.toContain('handoff_to_human');
    await settled(socket);
    const after = await t.prisma.chat.findUniqueOrThrow({ where: { id: first.chatId } });
    expect(after).toMatchObject({ aiState: before.aiState, lastSeq: before.lastSeq, assignedOperatorId: null });
    expect(events.of<MessageDto>('admin:message').map((m) => m.text)).not.toContain('Yes, we accept Visa and Mastercard.');
  });

  it('refuses a suggestion where the AI is off (409 ai_not_configured)', async () => {
    const plain = await aiSite(t.url, fake, apiKey);
    expect((await putAiSettings(t.url, plain.token, plain.site.id, { enabled: false, baseUrl: fake.url })).status).toBe(200);
    const socket = await connectWidget(t.url, plain.site.publicId);
    open.push(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    const message = await say(socket, 'hello');
    const refused = await api<{ code: string }>(t.url, 'POST', `/chats/${message.chatId}/ai/suggest`, { token: plain.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ai_not_configured');
    await untilPasses(async () => expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: message.chatId } })).aiState).toBeNull());
  });
});

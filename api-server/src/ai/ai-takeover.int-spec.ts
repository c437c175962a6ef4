// Operators taking a chat from the AI while it is streaming: the stream stops at once and no AI
// text or message appears afterwards, whether the takeover comes by "Assign to me", a reply or an
// assignment to someone, from this API node or another one (Redis), and even when no abort reaches
// the stream at all. Opening a chat (admin:join) only watches: it never stops the AI.

import { randomUUID } from 'node:crypto';
import type { AiAbortedPayload, AiDeltaPayload, MessageDto } from '@chatiq/contracts';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { type AiSite, aiSite, record, testApiKey, testKeyring, untilPasses } from '../../test/support/ai.js';
import { handledVisitorMessages } from '../../test/support/automation.js';
import {
  type AdminSocket,
  adminRoundTrip,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  ok,
  type WidgetSocket,
  widgetRoundTrip,
} from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { type ApiNode, startApiNodes, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { AiAnswerService } from './ai-answer.service.js';

/** 60 words, 40 ms apart: about 2.4 s of streaming, long enough to interrupt. */
const LONG_ANSWER = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
const SLOW = { kind: 'answer', text: LONG_ANSWER, delayMs: 40 } as const;

type Recorder = ReturnType<typeof record>;

/**
 * The barrier before "nothing more of the stream": every answer running on `node` has ended (each
 * sent its last event), then a round trip on each socket, behind anything sent to it before.
 */
async function answersSettled(node: INestApplication, widget: WidgetSocket, admin?: AdminSocket) {
  await node.get(AiAnswerService).whenIdle();
  await widgetRoundTrip(widget);
  if (admin) await adminRoundTrip(admin);
}

/** Nothing of stream `streamId` arrived after its `ai:aborted`, and it never finished. */
function expectNothingAfterAbort(events: Recorder, streamId: string) {
  const abortAt = events.events.findIndex((e) => e.event === 'ai:aborted' && (e.payload as AiAbortedPayload).streamId === streamId);
  expect(abortAt).toBeGreaterThanOrEqual(0);
  const after = events.events.slice(abortAt + 1);
  expect(after.filter((e) => e.event === 'ai:delta' || e.event === 'ai:done')).toEqual([]);
  const aiMessages = events.events.filter(
    (e) =>
      (e.event === 'admin:message' && (e.payload as MessageDto).authorKind === 'AI') ||
      (e.event === 'message:created' && (e.payload as { message: MessageDto }).message.authorKind === 'AI'),
  );
  expect(aiMessages).toEqual([]);
  const deltas = events.of<AiDeltaPayload>('ai:delta').filter((d) => d.streamId === streamId);
  expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
  expect(deltas.length).toBeLessThan(60);
}

describe('taking a chat over from the AI', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let ai: AiSite;
  let handled: string[];
  const apiKey = testApiKey();
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), EGRESS_ALLOW: fake.egressAllow });
    handled = handledVisitorMessages(t.app);
    ai = await aiSite(t.url, fake, apiKey);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await fake.close();
  });

  /** A visitor whose question is being answered slowly, with a few deltas already out. */
  async function midStream() {
    fake.script(SLOW);
    const widget = await connectWidget(t.url, ai.site.publicId);
    const owner = await connectAdmin(t.url, ai.token);
    sockets.push(widget, owner);
    const visitor = record(widget);
    const operator = record(owner);
    ok(await widget.emitWithAck('visitor:join', {}));
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Tell me everything' }));
    const first = await visitor.waitFor<AiDeltaPayload>('ai:delta', (d) => d.index >= 2);
    const request = fake.requests.at(-1)!;
    return { widget, owner, visitor, operator, chatId: message.chatId, streamId: first.streamId, request };
  }

  async function expectNoAiMessage(chatId: string) {
    expect(await t.prisma.message.count({ where: { chatId, authorKind: 'AI' } })).toBe(0);
  }

  it('"Assign to me" (chat:assign to oneself) stops the stream before it is acknowledged; nothing of it appears afterwards', async () => {
    const { widget, owner, visitor, operator, chatId, streamId, request } = await midStream();
    const joined = ok(await owner.emitWithAck('admin:join', { chatId }));
    expect(joined.chat).toMatchObject({ aiState: 'AI', assignedOperatorId: null }); // opening only watches
    const assigned = ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: ai.owner.user.id }));
    // The acknowledgement tells the chat as the takeover left it (the inbox shows what it answers).
    expect(assigned.chat).toMatchObject({ aiState: 'HUMAN', assignedOperatorId: ai.owner.user.id });

    // By the acknowledgement the chat is the operator's and the stream is stopped.
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    expect(chat).toMatchObject({ aiState: 'HUMAN', handledBy: 'OPERATOR', assignedOperatorId: ai.owner.user.id });
    expect(await visitor.waitFor<AiAbortedPayload>('ai:aborted')).toEqual({ chatId, streamId, reason: 'operator_takeover' });
    await untilPasses(() => expect(request.closedEarly).toBe(true));

    // Once the answer has wound down: nothing more.
    await answersSettled(t.app, widget, owner);
    expectNothingAfterAbort(visitor, streamId);
    expect(operator.of<AiDeltaPayload>('ai:delta').filter((d) => d.streamId === streamId).length).toBeLessThan(60);
    expect(operator.of('ai:done')).toEqual([]);
    await expectNoAiMessage(chatId);
    const transitions = await t.prisma.chatTransition.findMany({ where: { chatId } });
    expect(transitions.map((tr) => [tr.from, tr.to, tr.reason, tr.actorId])).toEqual([
      ['AI', 'HUMAN', 'operator_takeover', ai.owner.user.id],
    ]);
  });

  it('an operator reply takes the chat over and stops the stream', async () => {
    const { widget, owner, visitor, chatId, streamId } = await midStream();
    ok(await owner.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'I will take it from here' }));
    expect(await visitor.waitFor<AiAbortedPayload>('ai:aborted')).toMatchObject({ streamId, reason: 'operator_takeover' });
    await untilPasses(async () => expect((await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).aiState).toBe('HUMAN'));
    await answersSettled(t.app, widget);
    expectNothingAfterAbort(visitor, streamId);
    await expectNoAiMessage(chatId);
  });

  it('assigning the chat to an operator takes it over and stops the stream', async () => {
    const operator = await createUser(t.prisma, {
      organizationId: ai.owner.user.organizationId,
      email: `op-${randomUUID()}@example.com`,
      password: 'correct-horse-battery',
      name: 'Olena',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    await t.prisma.siteUser.create({ data: { organizationId: ai.owner.user.organizationId, siteId: ai.site.id, userId: operator.id } });
    const { widget, owner, visitor, chatId, streamId } = await midStream();
    const assigned = ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: operator.id }));
    expect(assigned.chat).toMatchObject({ aiState: 'HUMAN', assignedOperatorId: operator.id });
    expect(await visitor.waitFor<AiAbortedPayload>('ai:aborted')).toMatchObject({ streamId, reason: 'operator_takeover' });
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    expect(chat).toMatchObject({ aiState: 'HUMAN', assignedOperatorId: operator.id });
    await answersSettled(t.app, widget);
    expectNothingAfterAbort(visitor, streamId);
    await expectNoAiMessage(chatId);
  });

  it('stores no AI message once a person owns the chat, even when no abort reaches the stream', async () => {
    const { widget, visitor, chatId, streamId } = await midStream();
    // A takeover on another API node whose abort notice never arrives: only the database changed.
    await t.prisma.chat.update({
      where: { id: chatId },
      data: { aiState: 'HUMAN', handledBy: 'OPERATOR', assignedOperatorId: ai.owner.user.id },
    });
    // The stream runs to its end, then the guarded store finds the chat taken: discarded, not stored.
    const aborted = await visitor.waitFor<AiAbortedPayload>('ai:aborted', (a) => a.streamId === streamId, 10_000);
    expect(aborted.reason).toBe('operator_takeover');
    await answersSettled(t.app, widget);
    expect(visitor.of('ai:done')).toEqual([]);
    expect(visitor.of<MessageDto>('admin:message').filter((m) => m.authorKind === 'AI')).toEqual([]);
    await expectNoAiMessage(chatId);
  });

  it('after a hand-back, a reply from the same operator socket takes the chat again', async () => {
    const { widget, owner, visitor, chatId } = await midStream();
    ok(await owner.emitWithAck('admin:join', { chatId }));
    ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: ai.owner.user.id }));
    await visitor.waitFor('ai:aborted');
    ok(await owner.emitWithAck('chat:handback', { chatId }));
    visitor.clear();
    fake.script(SLOW);
    ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'and one more thing' }));
    const streaming = await visitor.waitFor<AiDeltaPayload>('ai:delta', (d) => d.index >= 1);
    // This socket joined the chat when it was its own: the reply must still take it from the AI.
    ok(await owner.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'Actually, let me answer that' }));
    expect(await visitor.waitFor<AiAbortedPayload>('ai:aborted')).toMatchObject({
      streamId: streaming.streamId,
      reason: 'operator_takeover',
    });
    await untilPasses(async () =>
      expect(await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({
        aiState: 'HUMAN',
        assignedOperatorId: ai.owner.user.id,
      }),
    );
    await answersSettled(t.app, widget);
    expectNothingAfterAbort(visitor, streaming.streamId);
    await expectNoAiMessage(chatId);
  });

  it('admin:join (opening) watches an AI chat: the answer streams to the operator, nothing changes hands, the AI goes on', async () => {
    const { owner, operator, chatId, streamId } = await midStream();
    const joined = ok(await owner.emitWithAck('admin:join', { chatId }));
    expect(joined.chat).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
    // The operator sees the rest of the answer live, and it is stored as the AI's.
    const done = await operator.waitFor<{ message: MessageDto }>('ai:done', (d) => d.message.chatId === chatId, 10_000);
    expect(done.message).toMatchObject({ authorKind: 'AI', text: LONG_ANSWER });
    expect(operator.of('ai:aborted')).toEqual([]);
    expect(operator.of<AiDeltaPayload>('ai:delta').filter((d) => d.streamId === streamId).length).toBeGreaterThan(2);
    expect(await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({
      aiState: 'AI',
      handledBy: 'AI',
      assignedOperatorId: null,
    });
    expect(await t.prisma.chatTransition.count({ where: { chatId } })).toBe(0);
  });

  it("a reconnect's re-join of a handed-back chat leaves it with the AI, which answers the next message", async () => {
    const { widget, owner, visitor, chatId } = await midStream();
    ok(await owner.emitWithAck('admin:join', { chatId }));
    ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: ai.owner.user.id }));
    await visitor.waitFor('ai:aborted');
    ok(await owner.emitWithAck('chat:handback', { chatId }));
    const handedBack = await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    expect(handedBack).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
    const lastSeq = (await t.prisma.message.findFirstOrThrow({ where: { chatId }, orderBy: { seq: 'desc' } })).seq;

    // The connection drops and comes back; the panel re-joins the open chat after what it has.
    owner.disconnect();
    const reconnected = new Promise<void>((resolve) => owner.once('connect', () => resolve()));
    owner.connect();
    await reconnected;
    const rejoined = ok(await owner.emitWithAck('admin:join', { chatId, afterSeq: lastSeq }));
    expect(rejoined.chat).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
    expect(await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({
      aiState: 'AI',
      handledBy: 'AI',
      assignedOperatorId: null,
    });
    const transitions = await t.prisma.chatTransition.findMany({ where: { chatId }, orderBy: { createdAt: 'asc' } });
    expect(transitions.map((tr) => tr.reason)).toEqual(['operator_takeover', 'operator_handback']);

    // The AI still has the chat: it answers the visitor's next message, and the re-joined
    // operator watches the answer arrive.
    const operator = record(owner);
    fake.script({ kind: 'answer', text: 'Happy to help again.', delayMs: 5 });
    ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'one more question' }));
    const done = await operator.waitFor<{ message: MessageDto }>('ai:done', (d) => d.message.chatId === chatId, 10_000);
    expect(done.message).toMatchObject({ authorKind: 'AI', text: 'Happy to help again.' });
    expect(await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ aiState: 'AI', assignedOperatorId: null });
  });

  it('a new visitor message in an operator-owned chat is not answered by the AI', async () => {
    const { widget, owner, visitor, chatId } = await midStream();
    ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: ai.owner.user.id }));
    await visitor.waitFor('ai:aborted');
    const requests = fake.requests.length;
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'are you a person?' }));
    // Every listener has decided about the message, and no answer it may have started is running.
    await eventually('the listeners of the message', () => handled.includes(message.id));
    await answersSettled(t.app, widget);
    expect(fake.requests.length).toBe(requests);
    expect(visitor.of('ai:typing')).toHaveLength(1);
  });
});

const redis = await requireRedisUnlessLaptop('the AI multi-node takeover test');

describe.skipIf(!redis)('taking over from another API node (Redis)', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let fake: FakeOpenAi;
  const apiKey = testApiKey();
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AI_SECRET_KEYS: testKeyring(),
      EGRESS_ALLOW: fake.egressAllow,
      NODE_ENV: 'test',
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.close();
    await fake?.close();
  });

  it('an operator taking the chat ("Assign to me") on node B stops the stream running on node A at once', async () => {
    const [a, b] = cluster.nodes as [ApiNode, ApiNode];
    const ai = await aiSite(b.url, fake, apiKey);
    fake.script(SLOW);
    const widgetOnA = await connectWidget(a.url, ai.site.publicId);
    const operatorOnB: AdminSocket = await connectAdmin(b.url, ai.token);
    sockets.push(widgetOnA, operatorOnB);
    const visitor = record(widgetOnA);
    ok(await widgetOnA.emitWithAck('visitor:join', {}));
    const { message } = ok(await widgetOnA.emitWithAck('visitor:message', { clientId: newClientId(), text: 'long story please' }));
    const first = await visitor.waitFor<AiDeltaPayload>('ai:delta', (d) => d.index >= 2);
    const request = fake.requests.at(-1)!;

    ok(await operatorOnB.emitWithAck('chat:assign', { chatId: message.chatId, operatorId: ai.owner.user.id }));
    expect(await visitor.waitFor<AiAbortedPayload>('ai:aborted')).toMatchObject({ streamId: first.streamId, reason: 'operator_takeover' });
    // The provider stream on node A was closed, long before it would have ended by itself.
    await untilPasses(() => expect(request.closedEarly).toBe(true), 1500);
    await answersSettled(a.app, widgetOnA);
    expectNothingAfterAbort(visitor, first.streamId);
    const messages = (await api<MessageDto[]>(b.url, 'GET', `/chats/${message.chatId}/messages`, { token: ai.token })).body;
    expect(messages.filter((m) => m.authorKind === 'AI')).toEqual([]);
  });
});

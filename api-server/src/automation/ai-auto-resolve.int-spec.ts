// Chats the AI answered alone are resolved once they have been quiet for the site's
// `autoResolveAfterMinutes`: on two API nodes (Redis adapter) ticking at the same instant, the
// chat is resolved once (one note, one status to the visitor); a chat an operator wrote in, and a
// chat on a site with the setting off, stay open after the very tick that resolved the other.

import { randomUUID } from 'node:crypto';
import type { AiDonePayload, ChatStatusPayload, ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AiSite, aiSite, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { handledVisitorMessages } from '../../test/support/automation.js';
import { type AdminSocket, connectAdmin, connectWidget, newClientId, ok, type WidgetSocket } from '../../test/support/clients.js';
import { type ControlledClock, controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { type ApiNode, startApiNodes } from '../../test/support/test-app.js';
import { AiAnswerService } from '../ai/ai-answer.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AutomationSchedulerService } from './automation-scheduler.service.js';

const reachable = await requireRedisUnlessLaptop('the AI auto-resolve test');

describe.skipIf(!reachable)('AI chats auto-resolved after a quiet time', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  let fake: FakeOpenAi;
  let clock: ControlledClock;
  let prisma: PrismaService;
  let handled: string[];
  const apiKey = testApiKey();
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    fake.script({ kind: 'answer', text: 'We ship in two days.' });
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTOMATION_TICK_MS: '600000', // the test runs the ticks, both nodes at the same instant
      AI_SECRET_KEYS: testKeyring(),
      EGRESS_ALLOW: fake.egressAllow,
      AUTH_RATE_LIMIT: '1000',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
    clock = controlClock([a.app, b.app], new Date(), { manualTicks: true });
    prisma = a.app.get(PrismaService);
    handled = handledVisitorMessages(a.app);
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await cluster?.close();
    await fake?.close();
  });

  /** Both nodes' schedulers tick at once: the race the conditional claim must win. */
  const tickBoth = () => Promise.all([a.app.get(AutomationSchedulerService).tick(), b.app.get(AutomationSchedulerService).tick()]);

  /** A visitor on node a asks; the AI answers. Resolves once the answer is stored and everything settled. */
  async function askTheAi(site: AiSite) {
    const socket: WidgetSocket = await connectWidget(a.url, site.site.publicId);
    open.push(socket);
    const events = record(socket);
    ok(await socket.emitWithAck('visitor:join', {}));
    const question: MessageDto = ok(
      await socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'When do you ship?' }),
    ).message;
    await events.waitFor<AiDonePayload>('ai:done');
    await eventually('the listeners of the question', () => handled.includes(question.id));
    await a.app.get(AiAnswerService).whenIdle();
    return { socket, events, chatId: question.chatId };
  }

  const chat = (id: string) => prisma.chat.findUniqueOrThrow({ where: { id } });

  it('resolves a quiet AI-only chat once across two nodes; not a chat an operator wrote in, not with the setting off', async () => {
    const quiet = await aiSite(a.url, fake, apiKey, { autoResolveAfterMinutes: 30 });
    const off = await aiSite(a.url, fake, apiKey, { autoResolveAfterMinutes: null });
    expect(off.settings.autoResolveAfterMinutes).toBeNull();

    const inbox: AdminSocket = await connectAdmin(b.url, quiet.token);
    open.push(inbox);
    const summaries: ChatSummaryDto[] = [];
    inbox.on('chats:updated', ({ chats }) => summaries.push(...chats));

    const answered = await askTheAi(quiet);
    const helped = await askTheAi(quiet);
    const elsewhere = await askTheAi(off);
    // An operator writes in `helped` (a private note: no takeover, the AI still holds it).
    const operator = await connectAdmin(a.url, quiet.token);
    open.push(operator);
    ok(await operator.emitWithAck('admin:join', { chatId: helped.chatId }));
    ok(await operator.emitWithAck('admin:note', { chatId: helped.chatId, clientId: newClientId(), text: 'Checking the courier' }));
    for (const { chatId } of [answered, helped, elsewhere]) expect(await chat(chatId)).toMatchObject({ status: 'OPEN', aiState: 'AI' });

    // 29 minutes later: nothing is due yet.
    await clock.set(new Date(Date.now() + 29 * 60_000));
    await tickBoth();
    expect((await chat(answered.chatId)).status).toBe('OPEN');

    // 31 minutes: the quiet chat is resolved, by one node.
    await clock.set(new Date(Date.now() + 31 * 60_000));
    await tickBoth();
    expect(await chat(answered.chatId)).toMatchObject({ status: 'RESOLVED', aiState: 'AI' });
    const notes = await prisma.message.findMany({ where: { chatId: answered.chatId, authorKind: 'SYSTEM' } });
    expect(notes.map((note) => ({ internal: note.internal, systemEvent: note.systemEvent, text: note.text }))).toEqual([
      {
        internal: true,
        systemEvent: { code: 'chat.auto_resolved', params: { minutes: '30' } },
        text: 'Resolved automatically after 30 min without messages (answered by the AI)',
      },
    ]);
    // The visitor hears the new status, the inbox on the other node gets the resolved chat.
    await answered.events.waitFor<ChatStatusPayload>('chat:status', (payload) => payload.status === 'RESOLVED');
    await eventually('the inbox sees it resolved', () =>
      summaries.some((summary) => summary.id === answered.chatId && summary.status === 'RESOLVED'),
    );

    // The tick that resolved it also looked at these: an operator wrote in one, the other's site has it off.
    expect((await chat(helped.chatId)).status).toBe('OPEN');
    expect((await chat(elsewhere.chatId)).status).toBe('OPEN');

    // Another round of ticks changes nothing more: still one note.
    await tickBoth();
    expect(await prisma.message.count({ where: { chatId: answered.chatId, authorKind: 'SYSTEM' } })).toBe(1);

    // The visitor writes again: a new conversation, as after any resolve.
    const again: MessageDto = ok(
      await answered.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'One more question' }),
    ).message;
    expect(again.chatId).not.toBe(answered.chatId);
    // Let the new chat's listeners and the AI's answer finish before the nodes close: an answer
    // still on its way would publish over a closed Redis connection.
    await eventually('the listeners of the new message', () => handled.includes(again.id));
    await a.app.get(AiAnswerService).whenIdle();
  });
});

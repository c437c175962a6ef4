// Snooze: a chat put aside until a time leaves the open chats and comes back OPEN with a private
// note, at that time (exactly one of two API nodes wakes it, also after a restart) or as soon as
// the visitor writes. Invalid times are refused with typed errors; resolve and reopen still work.

import { randomUUID } from 'node:crypto';
import type { ChatAckData, ChatSummaryDto, CreatedSiteDto, MessageDto, WebhookWithSecretDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { handledVisitorMessages, joinVisitor } from '../../test/support/automation.js';
import {
  type AdminSocket,
  api,
  collect,
  connectAdmin,
  nextChatUpdate,
  ok,
  registerOwner,
  widgetRoundTrip,
} from '../../test/support/clients.js';
import { controlClock } from '../../test/support/clock.js';
import { eventually } from '../../test/support/eventually.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { type ApiNode, freshDatabase, startApiNodes, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';
import { AutomationSchedulerService } from '../automation/automation-scheduler.service.js';
import { PrismaService } from '../prisma/prisma.service.js';

const HOUR = 3_600_000;
const inAnHour = () => new Date(Date.now() + HOUR).toISOString();

async function newSite(base: string) {
  const owner = await registerOwner(base);
  const site = (await api<CreatedSiteDto>(base, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Bakery' } })).body;
  return { owner, site };
}

/** A visitor who wrote once; returns the visitor and their chat's id. */
async function visitorWithChat(base: string, publicSiteId: string) {
  const visitor = await joinVisitor(base, publicSiteId);
  const first: MessageDto = await visitor.say('Is the sourdough ready?');
  return { visitor, chatId: first.chatId };
}

const systemNotes = (prisma: PrismaService, chatId: string) =>
  prisma.message
    .findMany({ where: { chatId, authorKind: 'SYSTEM' }, orderBy: { seq: 'asc' } })
    .then((rows) => rows.map((m) => ({ internal: m.internal, systemEvent: m.systemEvent, text: m.text })));

describe('snooze on one node', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      AI_SECRET_KEYS: testKeyring(),
      EGRESS_ALLOW: '127.0.0.1',
      WEBHOOK_POLL_SECONDS: '0.5',
    });
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await t?.close();
    await receiver?.close();
  });

  it('hides the chat from the open ones until the visitor writes; then it is open again with a note, live and by webhook', async () => {
    const { owner, site } = await newSite(t.url);
    const hook = await api<WebhookWithSecretDto>(t.url, 'POST', '/webhooks', {
      token: owner.accessToken,
      body: { url: receiver.url, events: ['chat.status_changed'], siteId: site.id },
    });
    expect(hook.status).toBe(201);
    receiver.state.secrets = [hook.body.secret];
    const { visitor, chatId } = await visitorWithChat(t.url, site.publicId);
    open.push(visitor.socket);
    const statuses = collect<{ chatId: string; status: string }>(visitor.socket, 'chat:status');
    const inbox: AdminSocket = await connectAdmin(t.url, owner.accessToken);
    open.push(inbox);

    const until = new Date(Date.now() + 2 * HOUR);
    // Any offset is accepted; the chat keeps the instant.
    const local = `${new Date(until.getTime() + 2 * HOUR).toISOString().slice(0, 19)}+02:00`;
    const snoozed: ChatAckData = ok(await inbox.emitWithAck('chat:snooze', { chatId, until: local }));
    expect(snoozed.chat).toMatchObject({ id: chatId, status: 'SNOOZED', snoozedUntil: until.toISOString().replace(/\.\d{3}Z$/, '.000Z') });

    // Out of the open list, in the snoozed one with its time; the visitor was told nothing.
    const list = async (status: string) =>
      (await api<ChatSummaryDto[]>(t.url, 'GET', `/chats?status=${status}`, { token: owner.accessToken })).body.map((c) => c.id);
    expect(await list('OPEN')).not.toContain(chatId);
    expect(await list('SNOOZED')).toEqual([chatId]);
    expect(await systemNotes(t.prisma, chatId)).toEqual([
      {
        internal: true,
        systemEvent: { code: 'chat.snoozed', params: { actor: owner.user.name, until: snoozed.chat.snoozedUntil } },
        text: `${owner.user.name} snoozed this chat until ${snoozed.chat.snoozedUntil}`,
      },
    ]);
    await widgetRoundTrip(visitor.socket);
    expect(statuses).toEqual([]);

    // Snoozing again moves the time (a second note), and keeps it snoozed.
    const later = inAnHour();
    const moved: ChatAckData = ok(await inbox.emitWithAck('chat:snooze', { chatId, until: later }));
    expect(moved.chat).toMatchObject({ status: 'SNOOZED', snoozedUntil: later });

    // The visitor writes: the chat wakes in the same chat, the note follows the message.
    const woke = nextChatUpdate(inbox, (c) => c.id === chatId && c.status === 'OPEN');
    const message = await visitor.say('Hello? Still there?');
    expect(message.chatId).toBe(chatId);
    expect(await woke).toMatchObject({ status: 'OPEN', snoozedUntil: null });
    const notes = await systemNotes(t.prisma, chatId);
    expect(notes.at(-1)).toEqual({
      internal: true,
      systemEvent: { code: 'chat.unsnoozed', params: { reason: 'visitor' } },
      text: 'Visitor wrote while snoozed',
    });
    const wakeNote = await t.prisma.message.findFirstOrThrow({ where: { chatId, authorKind: 'SYSTEM' }, orderBy: { seq: 'desc' } });
    expect(wakeNote.seq).toBe(message.seq + 1);
    expect(await list('OPEN')).toContain(chatId);

    // Webhooks: SNOOZED, then OPEN (the second snooze only moved the time).
    await eventually('both status changes at the receiver', () => receiver.of('chat.status_changed').length >= 2, 15_000);
    const changes = receiver.of('chat.status_changed').map((r) => (r.event as { data: { status: string } }).data.status);
    expect(changes).toEqual(['SNOOZED', 'OPEN']);

    // A visitor's next message in the open chat changes nothing more (no note).
    const handled = handledVisitorMessages(t.app);
    const again = await visitor.say('Found it, thanks');
    await eventually('the listeners of the message', () => handled.includes(again.id));
    expect((await systemNotes(t.prisma, chatId)).length).toBe(notes.length);
  });

  it('resolve and reopen work on a snoozed chat; a resolved chat cannot be snoozed', async () => {
    const { owner, site } = await newSite(t.url);
    const { visitor, chatId } = await visitorWithChat(t.url, site.publicId);
    open.push(visitor.socket);
    const inbox = await connectAdmin(t.url, owner.accessToken);
    open.push(inbox);

    ok(await inbox.emitWithAck('chat:snooze', { chatId, until: inAnHour() }));
    const resolved: ChatAckData = ok(await inbox.emitWithAck('chat:resolve', { chatId }));
    expect(resolved.chat).toMatchObject({ status: 'RESOLVED', snoozedUntil: null });
    expect(await inbox.emitWithAck('chat:snooze', { chatId, until: inAnHour() })).toMatchObject({
      ok: false,
      code: 'validation_failed',
      message: 'A resolved chat cannot be snoozed; reopen it first',
    });
    ok(await inbox.emitWithAck('chat:reopen', { chatId }));
    ok(await inbox.emitWithAck('chat:snooze', { chatId, until: inAnHour() }));
    // Reopening a snoozed chat wakes it at once.
    const reopened: ChatAckData = ok(await inbox.emitWithAck('chat:reopen', { chatId }));
    expect(reopened.chat).toMatchObject({ status: 'OPEN', snoozedUntil: null });
    // The scheduler finds nothing to wake afterwards.
    expect(await t.prisma.chat.count({ where: { status: 'SNOOZED' } })).toBe(0);
  });

  it('refuses a time in the past, now, more than a year ahead, without a zone or not a time, with typed errors', async () => {
    const { owner, site } = await newSite(t.url);
    const { visitor, chatId } = await visitorWithChat(t.url, site.publicId);
    open.push(visitor.socket);
    const inbox = await connectAdmin(t.url, owner.accessToken);
    open.push(inbox);
    const cases: [unknown, string][] = [
      [new Date(Date.now() - 60_000).toISOString(), 'Must be in the future'],
      [new Date(Date.now() + 366 * 24 * HOUR).toISOString(), 'Must be at most 365 days ahead'],
      ['2027-01-01T09:00:00', 'Must be a date and time such as 2026-12-08T09:00:00Z'],
      ['tomorrow', 'Must be a date and time such as 2026-12-08T09:00:00Z'],
      [1_900_000_000_000, 'Must be a date and time such as 2026-12-08T09:00:00Z'],
    ];
    for (const [until, message] of cases) {
      const ack = await inbox.emitWithAck('chat:snooze', { chatId, until } as never);
      expect(ack, String(until)).toMatchObject({ ok: false, code: 'validation_failed', issues: [{ path: ['until'], message }] });
    }
    expect(await inbox.emitWithAck('chat:snooze', { chatId: randomUUID(), until: inAnHour() })).toMatchObject({
      ok: false,
      code: 'chat_not_found',
    });
    expect(await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ status: 'OPEN', snoozedUntil: null });
    expect(await systemNotes(t.prisma, chatId)).toEqual([]);
  });
});

const reachable = await requireRedisUnlessLaptop('the snooze wake-up test on two nodes');

describe.skipIf(!reachable)('snooze wake-up on two API nodes', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTOMATION_TICK_MS: '600000', // the test runs the ticks, both nodes at the same instant
      AUTH_RATE_LIMIT: '1000',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await cluster?.close();
  });

  it('wakes the chat once when its time comes, with one note, seen live on the other node', async () => {
    const clock = controlClock([a.app, b.app], new Date(), { manualTicks: true });
    const tickBoth = () => Promise.all([a.app.get(AutomationSchedulerService).tick(), b.app.get(AutomationSchedulerService).tick()]);
    const prisma = a.app.get(PrismaService);
    const { owner, site } = await newSite(a.url);
    const { visitor, chatId } = await visitorWithChat(a.url, site.publicId);
    const { chatId: otherChatId, visitor: other } = await visitorWithChat(a.url, site.publicId);
    open.push(visitor.socket, other.socket);
    const operator = await connectAdmin(a.url, owner.accessToken);
    const watcher = await connectAdmin(b.url, owner.accessToken);
    open.push(operator, watcher);

    ok(await operator.emitWithAck('chat:snooze', { chatId, until: inAnHour() }));
    ok(await operator.emitWithAck('chat:snooze', { chatId: otherChatId, until: new Date(Date.now() + 3 * HOUR).toISOString() }));

    // 59 minutes on: not yet.
    await clock.set(new Date(Date.now() + 59 * 60_000));
    await tickBoth();
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).status).toBe('SNOOZED');

    // 61 minutes on: both nodes tick at the same instant; one of them wakes it.
    await clock.set(new Date(Date.now() + 61 * 60_000));
    const woke = nextChatUpdate(watcher, (c) => c.id === chatId && c.status === 'OPEN');
    await tickBoth();
    expect(await prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ status: 'OPEN', snoozedUntil: null });
    expect((await woke).snoozedUntil).toBeNull();
    const notes = (await systemNotes(prisma, chatId)).map((n) => n.systemEvent);
    expect(notes).toEqual([
      { code: 'chat.snoozed', params: { actor: owner.user.name, until: expect.any(String) } },
      { code: 'chat.unsnoozed', params: { reason: 'time' } },
    ]);
    expect((await systemNotes(prisma, chatId)).at(-1)?.text).toBe('Snooze ended');
    // The chat snoozed for three hours was looked at by the same ticks and sleeps on.
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: otherChatId } })).status).toBe('SNOOZED');

    // More ticks change nothing: still one wake-up note.
    await tickBoth();
    expect(await prisma.message.count({ where: { chatId, systemEvent: { path: ['code'], equals: 'chat.unsnoozed' } } })).toBe(1);
  });
});

describe('snooze across a restart', () => {
  it('a node started after the snoozing one stopped wakes the chat when its time comes', async () => {
    const db = await freshDatabase();
    const env = { AUTOMATION_TICK_MS: '100' };
    let first: TestApp | undefined;
    let second: TestApp | undefined;
    try {
      first = await startTestApp(env, { databaseUrl: db.url });
      const { owner, site } = await newSite(first.url);
      const { visitor, chatId } = await visitorWithChat(first.url, site.publicId);
      const inbox = await connectAdmin(first.url, owner.accessToken);
      const until = inAnHour();
      ok(await inbox.emitWithAck('chat:snooze', { chatId, until }));
      inbox.close();
      visitor.socket.close();
      await first.close();
      first = undefined;

      second = await startTestApp(env, { databaseUrl: db.url });
      const clock = controlClock([second.app], new Date());
      await clock.advance(30 * 60_000);
      expect((await second.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).status).toBe('SNOOZED');
      await clock.advance(31 * 60_000);
      expect(await second.prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({ status: 'OPEN', snoozedUntil: null });
      expect((await systemNotes(second.prisma, chatId)).map((n) => n.text)).toEqual([
        `${owner.user.name} snoozed this chat until ${until}`,
        'Snooze ended',
      ]);
    } finally {
      await first?.close();
      await second?.close();
      await db.drop();
    }
  });
});

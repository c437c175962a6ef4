// MessagesService stores a message by one of two hand-written SQL statements: APPEND (a message
// alone) and APPEND_BATCH (several chats' messages at once, when the database is busy). Both
// encode the same rules: seq and publicSeq (notes take no publicSeq), lastMessageAt (not moved by
// notes), unread counts (visitor messages), the first response (an operator's or the AI's visible
// message), an operator's reply making an unowned chat theirs, a resend returning the stored row,
// `openOnly` refusing a resolved chat, and the summary read back with the message. Here the same
// conversation goes through each statement on twin chats, and the rows and results are compared.
//
// Which statement runs is the batcher's rule (message-batcher.spec.ts): a message appended alone,
// with nothing in flight, goes by APPEND; messages of different chats appended in the same turn
// go together by APPEND_BATCH. So the "batched" twin's every message is appended together with a
// message of a companion chat.

import { randomUUID } from 'node:crypto';
import type { AuthorKind, SystemEvent } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithOwner, createSite, createUser } from '../../prisma/factories.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import type { Chat, Message } from '../generated/prisma/client.js';
import { type AppendResult, MessagesService, type NewMessage } from './messages.service.js';

type Kind = 'visitor' | 'operator' | 'note' | 'system' | 'ai';

/** One step of a conversation: a message of `kind` with this client id, and how it is appended. */
type Step = { kind: Kind; clientId: string; text: string; by?: 'ann' | 'bob'; assign?: boolean; openOnly?: boolean; file?: boolean };

describe('the single and the batched append statements store the same thing', () => {
  let t: TestApp;
  let messages: MessagesService;
  let organizationId: string;
  let siteId: string;
  const people = {} as Record<'ann' | 'bob', { id: string; name: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    messages = t.app.get(MessagesService);
    const suffix = randomUUID().slice(0, 8);
    const { organization, owner } = await createOrganizationWithOwner(t.prisma, {
      organizationName: 'Twins',
      email: `ann-${suffix}@example.com`,
      password: 'correct-horse-battery',
      name: 'Ann',
      bcryptRounds: 4,
    });
    organizationId = organization.id;
    const bob = await createUser(t.prisma, {
      organizationId,
      email: `bob-${suffix}@example.com`,
      password: 'correct-horse-battery',
      name: 'Bob',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    people.ann = { id: owner.id, name: owner.name };
    people.bob = { id: bob.id, name: bob.name };
    siteId = (await createSite(t.prisma, { organizationId, ownerId: owner.id, name: 'Twin shop' })).site.id;
  });
  afterAll(() => t?.close());

  async function newChat(): Promise<Chat> {
    const visitor = await t.prisma.visitor.create({ data: { organizationId, siteId, name: 'Vera' } });
    return t.prisma.chat.create({ data: { organizationId, siteId, visitorId: visitor.id } });
  }

  function message(chat: Chat, step: Step): NewMessage {
    const operator = people[step.by ?? 'ann'];
    const base = { organizationId, chatId: chat.id, clientId: step.clientId, text: step.text };
    const attachment = step.file
      ? { attachment: { key: `files/${step.clientId}`, name: 'invoice.pdf', type: 'application/pdf', size: 1234 } }
      : {};
    const systemEvent: SystemEvent = { code: 'chat.assigned', params: { actor: 'Ann', assignee: 'Bob' } };
    const byKind: Record<
      Kind,
      { authorKind: AuthorKind; authorId: string | null; authorName: string | null; internal?: boolean; systemEvent?: SystemEvent }
    > = {
      visitor: { authorKind: 'VISITOR', authorId: chat.visitorId, authorName: null },
      operator: { authorKind: 'OPERATOR', authorId: operator.id, authorName: operator.name },
      note: { authorKind: 'OPERATOR', authorId: operator.id, authorName: operator.name, internal: true },
      system: { authorKind: 'SYSTEM', authorId: null, authorName: null, systemEvent },
      ai: { authorKind: 'AI', authorId: null, authorName: 'Assistant' },
    };
    return { ...base, ...byKind[step.kind], ...attachment };
  }

  const options = (step: Step) => ({
    openOnly: step.openOnly ?? step.kind === 'visitor',
    assignTo: step.assign ? people[step.by ?? 'ann'].id : undefined,
  });

  /** The clock has moved past `stamp` (so no two steps of one chat share a createdAt). */
  async function afterMillisecond(stamp: number): Promise<void> {
    while (Date.now() <= stamp) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Runs `steps` on a chat by the single statement and on a twin by the batched one, in lock-step. */
  async function twins(steps: Step[], prepare: (chat: Chat) => Promise<void> = async () => {}) {
    const single = await newChat();
    const batched = await newChat();
    const companion = await newChat();
    await prepare(single);
    await prepare(batched);
    const results: { single: AppendResult | null; batched: AppendResult | null }[] = [];
    for (const step of steps) {
      const started = Date.now();
      const alone = await messages.append(message(single, step), options(step));
      // Appended in the same turn as a companion chat's message: one batch of two, APPEND_BATCH.
      const [together] = await Promise.all([
        messages.append(message(batched, step), options(step)),
        messages.append(message(companion, { kind: 'visitor', clientId: randomUUID(), text: 'companion' }), { openOnly: true }),
      ]);
      results.push({ single: alone, batched: together });
      await afterMillisecond(Math.max(started, Date.now()));
    }
    return { single: await stored(single.id), batched: await stored(batched.id), results, chats: { single, batched } };
  }

  /** The chat and its messages, with ids and instants replaced by what they refer to. */
  async function stored(chatId: string) {
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    const rows = await t.prisma.message.findMany({ where: { chatId }, orderBy: { seq: 'asc' } });
    const when = (instant: Date | null) => {
      if (instant === null) return null;
      const at = rows.filter((m) => m.createdAt.getTime() === instant.getTime()).map((m) => `at message #${m.seq}`);
      if (at.length > 0) return at.join(', ');
      return instant.getTime() === chat.createdAt.getTime() ? 'at creation' : 'elsewhen';
    };
    return {
      chat: {
        lastSeq: chat.lastSeq,
        lastPublicSeq: chat.lastPublicSeq,
        unreadCount: chat.unreadCount,
        status: chat.status,
        handledBy: chat.handledBy,
        assignedOperatorId: who(chat.assignedOperatorId),
        lastMessageAt: when(chat.lastMessageAt),
        firstResponseAt: when(chat.firstResponseAt),
        updatedAt: chat.updatedAt.getTime() >= chat.createdAt.getTime() ? when(chat.updatedAt) : 'before creation',
        followUpAt: chat.followUpAt,
        aiState: chat.aiState,
      },
      messages: rows.map((m) => normalMessage(m, chat)),
    };
  }

  const who = (id: string | null) => (id === null ? null : (Object.entries(people).find(([, p]) => p.id === id)?.[0] ?? id));

  function normalMessage(m: Message, chat: Pick<Chat, 'id' | 'visitorId'>) {
    const { id: _id, chatId, createdAt: _createdAt, authorId, organizationId: org, ...rest } = m;
    expect(chatId).toBe(chat.id);
    expect(org).toBe(organizationId);
    return { ...rest, authorId: authorId === chat.visitorId ? 'the visitor' : who(authorId) };
  }

  function normalResult(result: AppendResult | null, chat: Pick<Chat, 'id' | 'visitorId'>) {
    if (result === null) return null;
    const time = (value: string | null) => (value === null ? null : 'a time');
    const summary = result.summary && {
      ...result.summary,
      id: 'the chat',
      visitor: { ...result.summary.visitor, id: 'the visitor', firstSeenAt: 'a time', lastSeenAt: 'a time' },
      assignedOperatorId: who(result.summary.assignedOperatorId),
      lastMessage: result.summary.lastMessage && {
        ...result.summary.lastMessage,
        id: 'its message',
        chatId: 'the chat',
        createdAt: 'its time',
        authorId: result.summary.lastMessage.authorId === chat.visitorId ? 'the visitor' : who(result.summary.lastMessage.authorId),
      },
      firstResponseAt: time(result.summary.firstResponseAt),
      resolvedAt: time(result.summary.resolvedAt),
      createdAt: 'a time',
      updatedAt: 'a time',
    };
    return { created: result.created, message: normalMessage(result.message, chat), summary };
  }

  function expectSame(outcome: Awaited<ReturnType<typeof twins>>): void {
    expect(outcome.batched).toEqual(outcome.single);
    for (const { single, batched } of outcome.results) {
      expect(normalResult(batched, outcome.chats.batched)).toEqual(normalResult(single, outcome.chats.single));
    }
  }

  const kinds: Kind[] = ['visitor', 'operator', 'note', 'system', 'ai'];

  it.each(kinds)('a %s message, its resend, and the same kind again after a visitor message', async (kind) => {
    const outcome = await twins([
      { kind: 'visitor', clientId: 'v1', text: 'Hello, is anyone there?' },
      { kind, clientId: 'k1', text: `first ${kind}`, assign: kind === 'operator' },
      { kind, clientId: 'k1', text: `first ${kind} (resent)`, assign: kind === 'operator' },
      { kind: 'visitor', clientId: 'v2', text: 'Still waiting' },
      { kind, clientId: 'k2', text: `second ${kind}`, file: true, by: 'bob', assign: kind === 'operator' },
    ]);
    expectSame(outcome);
    // And what both stored is what the rules say (so "the same" is not "the same mistake").
    const { chat, messages: rows } = outcome.single;
    expect(rows.map((m) => m.clientId)).toEqual(['v1', 'k1', 'v2', 'k2']);
    expect(rows.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    const visible = kind !== 'note';
    expect(rows.map((m) => m.publicSeq)).toEqual(visible ? [1, 2, 3, 4] : [1, null, 2, null]);
    expect(chat).toMatchObject({
      lastSeq: 4,
      lastPublicSeq: visible ? 4 : 2,
      unreadCount: kind === 'visitor' ? 4 : 2,
      lastMessageAt: visible ? 'at message #4' : 'at message #3',
      updatedAt: 'at message #4',
      firstResponseAt: kind === 'operator' || kind === 'ai' ? 'at message #2' : null,
      assignedOperatorId: kind === 'operator' ? 'ann' : null, // the first reply took it; Bob's did not
      handledBy: kind === 'operator' ? 'OPERATOR' : 'UNASSIGNED',
    });
    expect(outcome.results.map((r) => r.single?.created)).toEqual([true, true, false, true, true]);
    // The chat list's preview: what a person or the AI wrote, never a system event or a note.
    const previews = outcome.results.map((r) => r.single?.summary?.lastMessage?.clientId ?? null);
    const previewed = kind === 'visitor' || kind === 'operator' || kind === 'ai';
    expect(previews).toEqual(previewed ? ['v1', 'k1', null, 'v2', 'k2'] : ['v1', 'v1', null, 'v2', 'v2']);
  });

  it('a note or a system message never takes a chat, even with an operator to assign it to', async () => {
    const outcome = await twins([
      { kind: 'visitor', clientId: 'v1', text: 'Hi' },
      { kind: 'note', clientId: 'n1', text: 'VIP', assign: true },
      { kind: 'system', clientId: 's1', text: 'Auto-reply', assign: true },
      { kind: 'operator', clientId: 'o1', text: 'Bob here', by: 'bob', assign: true },
      { kind: 'operator', clientId: 'o2', text: 'Ann here', by: 'ann', assign: true },
    ]);
    expectSame(outcome);
    expect(outcome.single.chat).toMatchObject({ assignedOperatorId: 'bob', handledBy: 'OPERATOR', firstResponseAt: 'at message #4' });
  });

  it.each(kinds)('a resolved chat: a %s message with openOnly is refused, without it stored', async (kind) => {
    const resolve = async (chat: Chat) => {
      await messages.append(message(chat, { kind: 'visitor', clientId: 'v0', text: 'before' }), { openOnly: true });
      await t.prisma.chat.update({ where: { id: chat.id }, data: { status: 'RESOLVED', resolvedAt: new Date() } });
    };
    const outcome = await twins(
      [
        { kind, clientId: 'late', text: 'after the end', openOnly: true },
        { kind, clientId: 'kept', text: 'stored anyway', openOnly: false, assign: kind === 'operator' },
      ],
      resolve,
    );
    expectSame(outcome);
    expect(outcome.results.map((r) => r.single?.created ?? null)).toEqual([null, true]);
    expect(outcome.single.messages.map((m) => m.clientId)).toEqual(['v0', 'kept']);
    expect(outcome.single.chat.status).toBe('RESOLVED');
  });
});

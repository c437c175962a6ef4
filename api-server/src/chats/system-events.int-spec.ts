// SYSTEM messages carry what they say as a code and parameters (`systemEvent`), for clients to
// render in their reader's language; `text` stays the English sentence. Stored by both the
// single-message statement and the batch statement (group commit), and sent over REST and sockets.
import type { AuthResponse, CreatedSiteDto, MessageCreatedPayload, MessageDto, SystemEvent } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMember } from '../../test/support/automation.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextEvent,
  ok,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { type AppendResult, MessagesService, type NewMessage } from './messages.service.js';

describe('system events of SYSTEM messages', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let site: CreatedSiteDto;
  let bohdanId: string;
  const open: { close: () => void }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    owner = await registerOwner(t.url, 'events');
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Events' } })).body;
    bohdanId = (
      await createMember(t.url, t.prisma, {
        organizationId: owner.user.organizationId,
        email: 'bohdan@example.com',
        name: 'Bohdan',
        role: 'OPERATOR',
        siteIds: [site.id],
      })
    ).id;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  /** A visitor's new chat, opened (watching) by the owner's admin socket. */
  async function newChat(): Promise<{ chatId: string; visitorId: string; visitor: WidgetSocket; admin: AdminSocket }> {
    const visitor = await connectWidget(t.url, site.publicId);
    const admin = await connectAdmin(t.url, owner.accessToken);
    open.push(visitor, admin);
    const { visitorId } = ok(await visitor.emitWithAck('visitor:join', {}));
    const chatId = ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello' })).message.chatId;
    ok(await admin.emitWithAck('admin:join', { chatId }));
    return { chatId, visitorId, visitor, admin };
  }

  /** Assigns over the socket; resolves with the note as the socket received it. */
  async function assign(admin: AdminSocket, chatId: string, operatorId: string | null): Promise<MessageDto> {
    const created = nextEvent<MessageCreatedPayload>(admin, 'message:created', 5000, ({ message }) => message.authorKind === 'SYSTEM');
    ok(await admin.emitWithAck('chat:assign', { chatId, operatorId }));
    return (await created).message;
  }

  it('records an assignment, a self-assignment and an unassignment as codes with the names', async () => {
    const { chatId, admin } = await newChat();
    const actor = owner.user.name;

    const toColleague = await assign(admin, chatId, bohdanId);
    expect(toColleague).toMatchObject({
      authorKind: 'SYSTEM',
      internal: true,
      text: `${actor} assigned this chat to Bohdan`,
      systemEvent: { code: 'chat.assigned', params: { actor, assignee: 'Bohdan' } },
    });
    const toSelf = await assign(admin, chatId, owner.user.id);
    expect(toSelf).toMatchObject({
      text: `${actor} assigned this chat to themselves`,
      systemEvent: { code: 'chat.self_assigned', params: { actor } },
    });
    const toNobody = await assign(admin, chatId, null);
    expect(toNobody).toMatchObject({
      text: `${actor} unassigned this chat`,
      systemEvent: { code: 'chat.unassigned', params: { actor } },
    });

    // Stored with the message…
    const rows = await t.prisma.message.findMany({ where: { chatId, authorKind: 'SYSTEM' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.systemEvent)).toEqual([toColleague.systemEvent, toSelf.systemEvent, toNobody.systemEvent]);
    // …and read back over REST (history), but never as the inbox's preview (the visitor's message stays).
    const history = (await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: owner.accessToken })).body;
    expect(history.filter((m) => m.authorKind === 'SYSTEM').map((m) => m.systemEvent)).toEqual(rows.map((r) => r.systemEvent));
    expect(history.find((m) => m.authorKind === 'VISITOR')?.systemEvent).toBeNull();
    const summaries = (await api<{ id: string; lastMessage: MessageDto | null }[]>(t.url, 'GET', '/chats', { token: owner.accessToken }))
      .body;
    const preview = summaries.find((c) => c.id === chatId)?.lastMessage;
    expect(preview?.authorKind).toBe('VISITOR');
    expect(preview?.id).toBe(history.filter((m) => m.authorKind === 'VISITOR').at(-1)?.id);
    // The socket's history on (re)join carries it too.
    const rejoined = ok(await admin.emitWithAck('admin:join', { chatId }));
    expect(rejoined.messages.filter((m) => m.authorKind === 'SYSTEM').map((m) => m.systemEvent?.code)).toEqual([
      'chat.assigned',
      'chat.self_assigned',
      'chat.unassigned',
    ]);
  });

  it('keeps the system event in a batch (group commit), next to messages without one', async () => {
    const messages = t.app.get(MessagesService);
    const chats = [await newChat(), await newChat(), await newChat(), await newChat()];
    const note = (chatId: string, n: number): NewMessage & { systemEvent: SystemEvent } => ({
      organizationId: owner.user.organizationId,
      chatId,
      clientId: `note-${n}-${chatId}`,
      authorKind: 'SYSTEM',
      authorId: null,
      authorName: null,
      text: `Ann assigned this chat to Ivan ${n}`,
      internal: true,
      systemEvent: { code: 'chat.assigned', params: { actor: 'Ann', assignee: `Ivan ${n}`, quote: 'say "hi", {x}\\' } },
    });
    const plain = (chatId: string): NewMessage => ({
      organizationId: owner.user.organizationId,
      chatId,
      clientId: `plain-${chatId}`,
      authorKind: 'OPERATOR',
      authorId: owner.user.id,
      authorName: owner.user.name,
      text: 'no event here',
    });

    // Watch (without changing) which statements store them: the batch one must be among them.
    const queries = vi.spyOn(t.prisma.pool, 'query');
    let results: (AppendResult | null)[];
    let calls: unknown[][];
    try {
      // All in one turn: the first message of each chat goes in one batch statement, the rest after it.
      results = await Promise.all(
        chats.flatMap(({ chatId }, n) => [
          messages.append(note(chatId, n)),
          messages.append(plain(chatId)),
          messages.append(note(chatId, n + 10)),
        ]),
      );
    } finally {
      calls = [...queries.mock.calls];
      queries.mockRestore();
    }
    const batched = calls
      .map(([query]) => query as { name?: string; values?: unknown[][] })
      .filter((query) => query.name === 'chatiq_message_append_batch')
      .flatMap((query) => query.values![3] as string[]);
    expect(batched.filter((clientId) => clientId.startsWith('note-')).length).toBeGreaterThan(1);

    for (const [n, { chatId }] of chats.entries()) {
      const [first, middle, last] = results.slice(n * 3, n * 3 + 3) as AppendResult[];
      const expected = [note(chatId, n).systemEvent, null, note(chatId, n + 10).systemEvent];
      // What the append answered (the DTO sent over sockets), the summary that goes with it, and the rows.
      expect([first, middle, last].map((r) => r!.created)).toEqual([true, true, true]);
      expect([first, middle, last].map((r) => r!.message.systemEvent ?? null)).toEqual(expected);
      // The summary's preview skips the system events: the operator's message in the middle.
      expect(middle!.summary?.lastMessage?.id).toBe(middle!.message.id);
      expect(last!.summary?.lastMessage?.id).toBe(middle!.message.id);
      const rows = await t.prisma.message.findMany({ where: { chatId, clientId: { not: null } }, orderBy: { seq: 'asc' } });
      expect(rows.slice(-3).map((r) => r.systemEvent)).toEqual(expected);
    }

    // A resend in a batch answers with the stored message, system event included.
    const [again] = await Promise.all([messages.append(note(chats[0]!.chatId, 0)), messages.append(plain(chats[1]!.chatId))]);
    expect(again).toMatchObject({ created: false, message: { systemEvent: note(chats[0]!.chatId, 0).systemEvent } });
  });
});

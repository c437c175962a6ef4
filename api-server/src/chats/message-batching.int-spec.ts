// Group commit (MessagesService + MessageBatcher): messages appended in the same event-loop turn
// are stored by one statement. Everything the single-message path guarantees must hold inside a
// batch too: one row per client id (resends in the same batch or later get the stored message),
// gap-free numbering per chat in arrival order, resolved chats refusing a visitor's message,
// an operator's reply taking an unassigned chat, and each summary read with its message.
import type { CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectWidget, newClientId, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { type AppendResult, MessagesService, type NewMessage } from './messages.service.js';

describe('storing messages in batches', () => {
  let t: TestApp;
  let messages: MessagesService;
  let organizationId: string;
  let ownerId: string;
  const chats: { chatId: string; visitorId: string }[] = [];
  const sockets: WidgetSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    messages = t.app.get(MessagesService);
    const owner = await registerOwner(t.url);
    organizationId = owner.user.organizationId;
    ownerId = owner.user.id;
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Batch' } })).body;
    for (let i = 0; i < 6; i++) {
      const socket = await connectWidget(t.url, site.publicId);
      sockets.push(socket);
      const joined = await socket.emitWithAck('visitor:join', {});
      const first = await socket.emitWithAck('visitor:message', { clientId: newClientId(), text: `first ${i}` });
      if (!joined.ok || !first.ok) throw new Error('setup failed');
      chats.push({ chatId: first.data.message.chatId, visitorId: joined.data.visitorId });
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const visitorMessage = (chat: { chatId: string; visitorId: string }, clientId: string, text: string): NewMessage => ({
    organizationId,
    chatId: chat.chatId,
    clientId,
    authorKind: 'VISITOR',
    authorId: chat.visitorId,
    authorName: null,
    text,
  });

  async function rows(chatId: string) {
    return t.prisma.message.findMany({ where: { chatId }, orderBy: { seq: 'asc' } });
  }

  it('stores many chats at once, each message once, numbered in arrival order', async () => {
    // All appended in one turn: one batch for the first message of each chat, the others follow.
    const sent: Promise<AppendResult | null>[] = [];
    const duplicateIds: string[] = [];
    for (const [i, chat] of chats.entries()) {
      for (let n = 0; n < 4; n++)
        sent.push(messages.append(visitorMessage(chat, `batch-${i}-${n}-${chat.chatId}`, `m${n}`), { openOnly: true }));
      // The same client id twice in a row (a resend racing the original).
      const again = `again-${i}-${chat.chatId}`;
      duplicateIds.push(again);
      sent.push(messages.append(visitorMessage(chat, again, 'again'), { openOnly: true }));
      sent.push(messages.append(visitorMessage(chat, again, 'again'), { openOnly: true }));
    }
    const results = await Promise.all(sent);
    expect(results.every((r) => r !== null)).toBe(true);
    for (const [i, chat] of chats.entries()) {
      const stored = await rows(chat.chatId);
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, k) => k + 1)); // gap-free
      expect(stored.map((m) => m.publicSeq)).toEqual(stored.map((_, k) => k + 1));
      // In the order they were appended: m0…m3, then the single copy of "again".
      expect(stored.slice(1).map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'again']);
      const summary = await t.prisma.chat.findUniqueOrThrow({ where: { id: chat.chatId } });
      expect(summary.lastSeq).toBe(stored.length);
      expect(summary.unreadCount).toBe(stored.length);
      const pair = results.slice(i * 6 + 4, i * 6 + 6) as AppendResult[];
      expect(pair[0]!.message.id).toBe(pair[1]!.message.id);
      expect(pair.map((r) => r.created).sort()).toEqual([false, true]);
    }
    for (const r of results as AppendResult[]) {
      if (!r.created) continue;
      // The summary is the chat right after this message.
      expect(r.summary.lastMessage?.id).toBe(r.message.id);
      expect(r.summary.lastSeq).toBe(r.message.seq);
    }
    expect(await t.prisma.message.count({ where: { clientId: { in: duplicateIds } } })).toBe(chats.length);
  });

  it('a resend of a stored message changes nothing, also in a batch with new ones', async () => {
    const [a, b] = chats as [(typeof chats)[0], (typeof chats)[0]];
    const before = await rows(a.chatId);
    const old = before.at(-1)!;
    const [resent, fresh] = await Promise.all([
      messages.append(visitorMessage(a, old.clientId!, old.text), { openOnly: true }),
      messages.append(visitorMessage(b, `fresh-${b.chatId}`, 'fresh'), { openOnly: true }),
    ]);
    expect(resent).toMatchObject({ created: false, message: { id: old.id, seq: old.seq } });
    expect(fresh).toMatchObject({ created: true });
    expect(await rows(a.chatId)).toHaveLength(before.length);
  });

  it('refuses a visitor message for a resolved chat in a batch, and an operator reply takes an unassigned chat', async () => {
    const [, , resolved, open] = chats as [unknown, unknown, (typeof chats)[0], (typeof chats)[0]];
    await t.prisma.chat.update({ where: { id: resolved.chatId }, data: { status: 'RESOLVED' } });
    const [refused, reply] = await Promise.all([
      messages.append(visitorMessage(resolved, `late-${resolved.chatId}`, 'late'), { openOnly: true }),
      messages.append(
        {
          organizationId,
          chatId: open.chatId,
          clientId: `reply-${open.chatId}`,
          authorKind: 'OPERATOR',
          authorId: ownerId,
          authorName: 'Owner',
          text: 'hi',
        },
        { assignTo: ownerId },
      ),
      messages.append(visitorMessage(chats[4]!, `filler-${chats[4]!.chatId}`, 'filler'), { openOnly: true }),
    ]);
    expect(refused).toBeNull();
    expect(await t.prisma.message.count({ where: { clientId: `late-${resolved.chatId}` } })).toBe(0);
    expect(reply).toMatchObject({
      created: true,
      summary: { assignedOperatorId: ownerId, handledBy: 'OPERATOR', unreadCount: expect.any(Number) },
    });
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: open.chatId } });
    expect(chat.assignedOperatorId).toBe(ownerId);
    expect(chat.firstResponseAt).not.toBeNull();
  });
});

import type {
  AdminJoinResult,
  ChatAckData,
  ChatStatusPayload,
  ChatSummaryDto,
  CreatedSiteDto,
  MessageAckData,
  MessageCreatedPayload,
  MessageDto,
  ReadEventPayload,
  TypingEventPayload,
  VisitorJoinResult,
} from '@chatiq/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import {
  type AdminSocket,
  adminRoundTrip,
  api,
  collect,
  connectAdmin,
  connectWidget,
  newClientId,
  nextChatUpdate,
  nextEvent,
  ok,
  registerOwner,
  type WidgetSocket,
  widgetRoundTrip,
} from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('chat lifecycle events', () => {
  let t: TestApp;
  let ownerToken: string;
  let operatorToken: string;
  let operatorId: string;
  let site: CreatedSiteDto;
  const open: { close: () => void }[] = [];

  let visitor: WidgetSocket;
  let owner: AdminSocket;
  let chatId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const auth = await registerOwner(t.url);
    ownerToken = auth.accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: ownerToken, body: { name: 'Shop' } })).body;
    const operator = await createUser(t.prisma, {
      organizationId: auth.user.organizationId,
      email: 'oleh@example.com',
      password: 'correct-horse-battery',
      name: 'Oleh',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    operatorId = operator.id;
    await t.prisma.siteUser.create({ data: { organizationId: auth.user.organizationId, siteId: site.id, userId: operator.id } });
    operatorToken = (
      await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
        body: { email: 'oleh@example.com', password: 'correct-horse-battery' },
      })
    ).body.accessToken;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  beforeEach(async () => {
    visitor = await connectWidget(t.url, site.publicId);
    owner = await connectAdmin(t.url, ownerToken);
    open.push(visitor, owner);
    ok(await visitor.emitWithAck('visitor:join', { page: { url: 'https://shop.example/', title: 'Home' } }));
    chatId = ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello' })).message.chatId;
    ok(await owner.emitWithAck('admin:join', { chatId }));
  });

  it('relays typing both ways, with the operator name to the visitor', async () => {
    const seenByOperator = nextEvent<TypingEventPayload>(owner, 'visitor:typing');
    ok(await visitor.emitWithAck('visitor:typing', { typing: true }));
    expect(await seenByOperator).toMatchObject({ chatId, typing: true });

    const seenByVisitor = nextEvent<TypingEventPayload>(visitor, 'admin:typing');
    ok(await owner.emitWithAck('admin:typing', { chatId, typing: true }));
    expect((await seenByVisitor).name).toMatch(/^Owner /);
  });

  it('counts unread visitor messages and sends read receipts both ways', async () => {
    ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'are you there?' }));
    const reply = ok(await owner.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'yes' }));
    let summary = (await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: ownerToken })).body.find((c) => c.id === chatId)!;
    expect(summary.unreadCount).toBe(2); // the operator's own reply is not unread

    const receiptToVisitor = nextEvent<ReadEventPayload>(visitor, 'message:read');
    const read = ok(await owner.emitWithAck('admin:read', { chatId, seq: reply.message.seq }));
    expect(read.chat).toMatchObject({ unreadCount: 0, operatorLastReadSeq: reply.message.seq });
    expect(await receiptToVisitor).toEqual({ chatId, seq: reply.message.seq, by: 'operator' });

    const receiptToOperator = nextEvent<ReadEventPayload>(owner, 'message:read');
    ok(await visitor.emitWithAck('visitor:read', { seq: 999 })); // clamped to the chat's last seq
    expect(await receiptToOperator).toEqual({ chatId, seq: reply.message.seq, by: 'visitor' });
    summary = (await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: ownerToken })).body.find((c) => c.id === chatId)!;
    expect(summary.visitorLastReadSeq).toBe(reply.message.seq);
  });

  it('keeps private notes among operators', async () => {
    const colleague = await connectAdmin(t.url, operatorToken);
    open.push(colleague);
    ok(await colleague.emitWithAck('admin:join', { chatId }));
    const noteSeen = nextEvent<MessageCreatedPayload>(colleague, 'message:created');
    const visitorGot = collect<MessageDto>(visitor, 'admin:message');
    const note = ok(await owner.emitWithAck('admin:note', { chatId, clientId: newClientId(), text: 'VIP customer' }));
    expect(note.message).toMatchObject({ internal: true, authorKind: 'OPERATOR' });
    expect((await noteSeen).message.text).toBe('VIP customer');
    // Sent (or not) before the acknowledgement: a round trip on the widget comes after it.
    await widgetRoundTrip(visitor);
    expect(visitorGot).toEqual([]);
    visitor.off('admin:message');

    const history = ok(await visitor.emitWithAck('visitor:join', {}));
    expect(history.messages.map((m) => m.text)).not.toContain('VIP customer');
    const rest = await api<MessageDto[]>(t.url, 'GET', `/chats/${chatId}/messages`, { token: ownerToken });
    expect(rest.body.find((m) => m.text === 'VIP customer')?.internal).toBe(true);
  });

  it('assigns and transfers only to operators who may see the site, and records it', async () => {
    const updated = nextChatUpdate(owner, (chat) => chat.id === chatId && chat.assignedOperatorId === operatorId);
    const assigned = ok(await owner.emitWithAck('chat:assign', { chatId, operatorId }));
    expect(assigned.chat).toMatchObject({ assignedOperatorId: operatorId, assignedOperatorName: 'Oleh', handledBy: 'OPERATOR' });
    expect((await updated).assignedOperatorId).toBe(operatorId);
    const notes = await t.prisma.message.findMany({ where: { chatId, authorKind: 'SYSTEM' } });
    expect(notes.map((n) => [n.text, n.internal])).toContainEqual([expect.stringContaining('assigned this chat to Oleh'), true]);

    const stranger = await registerOwner(t.url);
    expect(await owner.emitWithAck('chat:assign', { chatId, operatorId: stranger.user.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const unassigned = ok(await owner.emitWithAck('chat:assign', { chatId, operatorId: null }));
    expect(unassigned.chat).toMatchObject({ assignedOperatorId: null, handledBy: 'UNASSIGNED' });
  });

  it('resolves and reopens; the visitor is told; a message after resolve starts a new chat', async () => {
    const told = nextEvent<ChatStatusPayload>(visitor, 'chat:status');
    const resolved: ChatAckData = ok(await owner.emitWithAck('chat:resolve', { chatId }));
    expect(resolved.chat.status).toBe('RESOLVED');
    expect(resolved.chat.resolvedAt).not.toBeNull();
    expect(await told).toEqual({ chatId, status: 'RESOLVED' });

    const reopened = ok(await owner.emitWithAck('chat:reopen', { chatId }));
    expect(reopened.chat).toMatchObject({ status: 'OPEN', resolvedAt: null });

    ok(await owner.emitWithAck('chat:resolve', { chatId }));
    const next = ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'one more thing' }));
    expect(next.message.chatId).not.toBe(chatId);
    expect(next.message.seq).toBe(1);
  });

  it('shows the operators where the visitor is and who they are', async () => {
    const moved = nextChatUpdate(owner, (chat) => chat.visitor.currentPageUrl === 'https://shop.example/checkout');
    ok(await visitor.emitWithAck('visitor:page', { url: 'https://shop.example/checkout', title: 'Checkout' }));
    expect((await moved).visitor).toMatchObject({ currentPageUrl: 'https://shop.example/checkout', currentPageTitle: 'Checkout' });

    const named = nextChatUpdate(owner, (chat) => chat.visitor.name === 'Iryna');
    ok(await visitor.emitWithAck('visitor:identify', { name: 'Iryna', email: 'Iryna@Example.com' }));
    expect((await named).visitor).toMatchObject({ name: 'Iryna', email: 'iryna@example.com' });
    expect(await visitor.emitWithAck('visitor:identify', {})).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('tells the widget at every join whether the visitor left an email (it then does not ask for one again)', async () => {
    const fresh = await connectWidget(t.url, site.publicId);
    open.push(fresh);
    const first = ok(await fresh.emitWithAck('visitor:join', {})) as VisitorJoinResult;
    expect(first.emailKnown).toBe(false);
    ok(await fresh.emitWithAck('visitor:identify', { email: 'later@example.com' }));
    const again = await connectWidget(t.url, site.publicId);
    open.push(again);
    expect(ok(await again.emitWithAck('visitor:join', { visitorId: first.visitorId }))).toMatchObject({ emailKnown: true });
  });

  it("sends a visitor's message to their other tabs, not back to the sender", async () => {
    const visitorId = (ok(await visitor.emitWithAck('visitor:join', {})) as VisitorJoinResult).visitorId;
    const otherTab = await connectWidget(t.url, site.publicId);
    open.push(otherTab);
    ok(await otherTab.emitWithAck('visitor:join', { visitorId }));
    const inOtherTab = nextEvent<MessageDto>(otherTab, 'visitor:message');
    const echoedToSender = collect<MessageDto>(visitor, 'visitor:message');
    const sent: MessageAckData = ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'from tab one' }));
    expect((await inOtherTab).id).toBe(sent.message.id);
    await widgetRoundTrip(visitor);
    expect(echoedToSender).toEqual([]);
    visitor.off('visitor:message');
  });

  it("sends an operator's reply to their other tabs and colleagues in the chat, not back to the sender", async () => {
    const otherTab = await connectAdmin(t.url, ownerToken);
    open.push(otherTab);
    ok(await otherTab.emitWithAck('admin:join', { chatId }));
    const inOtherTab = nextEvent<MessageCreatedPayload>(otherTab, 'message:created');
    const echoedToSender = collect<MessageCreatedPayload>(owner, 'message:created');
    const sent: MessageAckData = ok(await owner.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'On it' }));
    expect((await inOtherTab).message.id).toBe(sent.message.id);
    await adminRoundTrip(owner);
    expect(echoedToSender).toEqual([]);
    owner.off('message:created');
  });

  it('opening an unassigned chat (admin:join) reads it and assigns nothing; "Assign to me" assigns it and tells the other operators', async () => {
    const fresh = await connectWidget(t.url, site.publicId);
    open.push(fresh);
    ok(await fresh.emitWithAck('visitor:join', {}));
    const id = ok(await fresh.emitWithAck('visitor:message', { clientId: newClientId(), text: 'new chat' })).message.chatId;
    const colleague = await connectAdmin(t.url, operatorToken);
    open.push(colleague);
    const joined: AdminJoinResult = ok(await colleague.emitWithAck('admin:join', { chatId: id }));
    expect(joined.chat).toMatchObject({ assignedOperatorId: null, handledBy: 'UNASSIGNED' });
    expect(joined.messages.map((m) => m.text)).toEqual(['new chat']);
    expect(await t.prisma.chat.findUniqueOrThrow({ where: { id } })).toMatchObject({ assignedOperatorId: null, handledBy: 'UNASSIGNED' });

    const ownerSees = nextChatUpdate(owner, (chat) => chat.id === id && chat.assignedOperatorId !== null);
    const assigned: ChatAckData = ok(await colleague.emitWithAck('chat:assign', { chatId: id, operatorId }));
    expect(assigned.chat).toMatchObject({ assignedOperatorId: operatorId, assignedOperatorName: 'Oleh', handledBy: 'OPERATOR' });
    expect((await ownerSees).assignedOperatorName).toBe('Oleh');
  });

  it('a reply to an unassigned chat assigns it to the replier', async () => {
    const fresh = await connectWidget(t.url, site.publicId);
    open.push(fresh);
    ok(await fresh.emitWithAck('visitor:join', {}));
    const id = ok(await fresh.emitWithAck('visitor:message', { clientId: newClientId(), text: 'anyone?' })).message.chatId;
    const colleague = await connectAdmin(t.url, operatorToken);
    open.push(colleague);
    ok(await colleague.emitWithAck('admin:join', { chatId: id }));
    const ownerSees = nextChatUpdate(owner, (chat) => chat.id === id && chat.assignedOperatorId !== null);
    ok(await colleague.emitWithAck('admin:message', { chatId: id, clientId: newClientId(), text: 'Here!' }));
    expect(await ownerSees).toMatchObject({ assignedOperatorId: operatorId, assignedOperatorName: 'Oleh', handledBy: 'OPERATOR' });
  });
});

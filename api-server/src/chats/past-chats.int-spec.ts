// Past conversations: a returning visitor lists their earlier chats in the widget and reads one
// (`visitor:history`, `visitor:conversation`), only their own and never a private note; the
// operator's visitor panel lists the visitor's (and their contact's) chats
// (`GET /visitors/:visitorId/chats`).
import type { AuthResponse, ChatSummaryDto, CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  ok,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const NOTE = 'private note: owes us money';

describe('past conversations', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let site: CreatedSiteDto;
  let admin: AdminSocket;
  const open: { close: () => void }[] = [];

  /** A visitor who had a conversation (resolved, with a private note as its last word) and has a new one open. */
  let returning: { socket: WidgetSocket; visitorId: string; firstChatId: string; secondChatId: string };

  async function widget(): Promise<WidgetSocket> {
    const socket = await connectWidget(t.url, site.publicId);
    open.push(socket);
    return socket;
  }

  async function say(socket: WidgetSocket, text: string): Promise<string> {
    return ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text })).message.chatId;
  }

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    owner = await registerOwner(t.url);
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Bakery' } })).body;
    admin = await connectAdmin(t.url, owner.accessToken);
    open.push(admin);

    const socket = await widget();
    const { visitorId } = ok(await socket.emitWithAck('visitor:join', {}));
    const firstChatId = await say(socket, 'Do you bake rye bread?');
    ok(await admin.emitWithAck('admin:message', { chatId: firstChatId, clientId: newClientId(), text: 'Yes, every Tuesday.' }));
    ok(await admin.emitWithAck('admin:note', { chatId: firstChatId, clientId: newClientId(), text: NOTE }));
    ok(await admin.emitWithAck('chat:resolve', { chatId: firstChatId }));
    const secondChatId = await say(socket, 'Back again: any croissants today?');
    expect(secondChatId).not.toBe(firstChatId);
    returning = { socket, visitorId, firstChatId, secondChatId };
  });

  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  it('visitor:history lists the visitor’s chats newest first, each with its status and last visible message, never a note', async () => {
    const { chats } = ok(await returning.socket.emitWithAck('visitor:history', {}));
    expect(chats.map((c) => [c.id, c.status, c.lastMessage?.text])).toEqual([
      [returning.secondChatId, 'OPEN', 'Back again: any croissants today?'],
      [returning.firstChatId, 'RESOLVED', 'Yes, every Tuesday.'],
    ]);
    expect(JSON.stringify(chats)).not.toContain(NOTE);
  });

  it('visitor:conversation reads one of the visitor’s own chats without its private notes', async () => {
    const read = ok(await returning.socket.emitWithAck('visitor:conversation', { chatId: returning.firstChatId }));
    expect(read.chatId).toBe(returning.firstChatId);
    expect(read.messages.map((m) => [m.authorKind, m.text])).toEqual([
      ['VISITOR', 'Do you bake rye bread?'],
      ['OPERATOR', 'Yes, every Tuesday.'],
    ]);
    expect(read.messages.every((m) => !m.internal)).toBe(true);
    expect(JSON.stringify(read)).not.toContain(NOTE);
    // The operators' side of the same chat has the note: the widget's answer left it out.
    const operatorSide = await api<{ text: string }[]>(t.url, 'GET', `/chats/${returning.firstChatId}/messages`, {
      token: owner.accessToken,
    });
    expect(operatorSide.body.map((m) => m.text)).toContain(NOTE);
  });

  it('pages back through a long conversation with beforeSeq', async () => {
    const read = ok(await returning.socket.emitWithAck('visitor:conversation', { chatId: returning.firstChatId, beforeSeq: 2 }));
    expect(read.messages.map((m) => m.text)).toEqual(['Do you bake rye bread?']);
  });

  it('another visitor cannot read the chats, nor see them in their own list', async () => {
    const stranger = await widget();
    ok(await stranger.emitWithAck('visitor:join', {}));
    expect(ok(await stranger.emitWithAck('visitor:history', {})).chats).toEqual([]);
    for (const chatId of [returning.firstChatId, returning.secondChatId]) {
      const refused = await stranger.emitWithAck('visitor:conversation', { chatId });
      expect(refused).toMatchObject({ ok: false, code: 'chat_not_found' });
      expect(JSON.stringify(refused)).not.toContain('rye');
    }
  });

  it('the same visitor id on another site of the organization reads nothing of this site', async () => {
    const other = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Other' } })).body;
    const elsewhere = await connectWidget(t.url, other.publicId);
    open.push(elsewhere);
    // The stored id belongs to another site: this site makes a visitor of its own.
    const joined = ok(await elsewhere.emitWithAck('visitor:join', { visitorId: returning.visitorId }));
    expect(joined.visitorId).not.toBe(returning.visitorId);
    expect(ok(await elsewhere.emitWithAck('visitor:history', {})).chats).toEqual([]);
    expect(await elsewhere.emitWithAck('visitor:conversation', { chatId: returning.firstChatId })).toMatchObject({
      ok: false,
      code: 'chat_not_found',
    });
  });

  it('refuses both events before visitor:join', async () => {
    const fresh = await widget();
    expect(await fresh.emitWithAck('visitor:history', {})).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await fresh.emitWithAck('visitor:conversation', { chatId: returning.firstChatId })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
  });

  it('GET /visitors/:visitorId/chats lists the visitor’s chats, and with a contact every chat of its visitors', async () => {
    const listed = await api<ChatSummaryDto[]>(t.url, 'GET', `/visitors/${returning.visitorId}/chats`, { token: owner.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.map((c) => [c.id, c.status, c.lastMessage?.text])).toEqual([
      [returning.secondChatId, 'OPEN', 'Back again: any croissants today?'],
      [returning.firstChatId, 'RESOLVED', 'Yes, every Tuesday.'],
    ]);

    // The same person in another browser, known by the same email: one contact, both visitors' chats.
    const email = 'olha@example.com';
    ok(await returning.socket.emitWithAck('visitor:identify', { email }));
    const otherBrowser = await widget();
    const { visitorId: otherVisitorId } = ok(await otherBrowser.emitWithAck('visitor:join', {}));
    ok(await otherBrowser.emitWithAck('visitor:identify', { email }));
    const fromPhone = await say(otherBrowser, 'Writing from my phone');
    for (const visitorId of [returning.visitorId, otherVisitorId]) {
      const both = await api<ChatSummaryDto[]>(t.url, 'GET', `/visitors/${visitorId}/chats`, { token: owner.accessToken });
      expect(both.body.map((c) => c.id)).toEqual([fromPhone, returning.secondChatId, returning.firstChatId]);
    }
  });

  it('an operator sees only the chats on their sites; an unknown visitor is 404', async () => {
    await createUser(t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'unassigned@example.com',
      password: 'correct-horse-battery',
      name: 'Unassigned',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    const login = await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
      body: { email: 'unassigned@example.com', password: 'correct-horse-battery' },
    });
    const refused = await api(t.url, 'GET', `/visitors/${returning.visitorId}/chats`, { token: login.body.accessToken });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('rye');
    const unknown = await api(t.url, 'GET', '/visitors/v_nobody/chats', { token: owner.accessToken });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});

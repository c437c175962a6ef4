import type { AdminJoinResult, CreatedSiteDto, MessageAckData, MessageDto, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextChatUpdate,
  nextEvent,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const ORIGIN = 'https://shop.example';

describe('a conversation between a widget and the admin, over real sockets', () => {
  let t: TestApp;
  let token: string;
  let site: CreatedSiteDto;
  const sockets: { close: () => void }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '1000' });
    token = (await registerOwner(t.url)).accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop', allowedOrigins: [ORIGIN] } })).body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  async function widget(): Promise<WidgetSocket> {
    const socket = await connectWidget(t.url, site.publicId, ORIGIN);
    sockets.push(socket);
    return socket;
  }
  async function admin(): Promise<AdminSocket> {
    const socket = await connectAdmin(t.url, token);
    sockets.push(socket);
    return socket;
  }

  it('delivers a visitor message to the operator and the reply back, stored with sequence numbers', async () => {
    const operator = await admin();
    const visitor = await widget();

    const join = (await visitor.emitWithAck('visitor:join', { page: { url: `${ORIGIN}/pricing`, title: 'Pricing' }, locale: 'uk' })) as {
      ok: true;
      data: VisitorJoinResult;
    };
    expect(join.ok).toBe(true);
    expect(join.data.chatId).toBeNull();
    expect(join.data.visitorId).toMatch(/^v_/);

    const chatAppears = nextChatUpdate(operator);
    const sent = await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Hello, is delivery free?' });
    expect(sent).toMatchObject({ ok: true, data: { message: { seq: 1, authorKind: 'VISITOR', text: 'Hello, is delivery free?' } } });

    const chat = await chatAppears;
    expect(chat).toMatchObject({ siteId: site.id, siteName: 'Shop', status: 'OPEN', lastSeq: 1 });
    expect(chat.visitor).toMatchObject({ currentPageUrl: `${ORIGIN}/pricing`, locale: 'uk' });

    const opened = (await operator.emitWithAck('admin:join', { chatId: chat.id })) as { ok: true; data: AdminJoinResult };
    expect(opened.ok).toBe(true);
    expect(opened.data.messages.map((m) => m.text)).toEqual(['Hello, is delivery free?']);
    // Opening reads: the chat stays unassigned until someone assigns it or replies.
    expect(opened.data.chat).toMatchObject({ handledBy: 'UNASSIGNED', assignedOperatorId: null });

    const replyArrives = nextEvent<MessageDto>(visitor, 'admin:message');
    const reply = (await operator.emitWithAck('admin:message', { chatId: chat.id, clientId: newClientId(), text: 'Yes, over $50.' })) as {
      ok: true;
      data: MessageAckData;
    };
    expect(reply.data.message).toMatchObject({ seq: 2, authorKind: 'OPERATOR' });
    expect(await replyArrives).toMatchObject({ id: reply.data.message.id, text: 'Yes, over $50.', seq: 2 });

    const stored = await t.prisma.chat.findUniqueOrThrow({ where: { id: chat.id }, include: { messages: { orderBy: { seq: 'asc' } } } });
    expect(stored.messages.map((m) => [m.seq, m.authorKind, m.text])).toEqual([
      [1, 'VISITOR', 'Hello, is delivery free?'],
      [2, 'OPERATOR', 'Yes, over $50.'],
    ]);
    expect(stored.firstResponseAt).not.toBeNull();
    // The reply to a chat nobody owned made it the replier's.
    expect(stored).toMatchObject({ handledBy: 'OPERATOR', assignedOperatorId: reply.data.message.authorId });
  });

  it('shows the history again on reload, from the last sequence seen', async () => {
    const first = await widget();
    const { data: joined } = (await first.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    for (const text of ['one', 'two', 'three']) await first.emitWithAck('visitor:message', { clientId: newClientId(), text });
    first.close();

    const reloaded = await widget();
    const all = (await reloaded.emitWithAck('visitor:join', { visitorId: joined.visitorId })) as { ok: true; data: VisitorJoinResult };
    expect(all.data.visitorId).toBe(joined.visitorId);
    expect(all.data.messages.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    const rest = (await reloaded.emitWithAck('visitor:join', { visitorId: joined.visitorId, afterSeq: 2 })) as {
      ok: true;
      data: VisitorJoinResult;
    };
    expect(rest.data.messages.map((m) => m.text)).toEqual(['three']);

    const overRest = await api<MessageDto[]>(t.url, 'GET', `/chats/${all.data.chatId}/messages?afterSeq=1`, { token });
    expect(overRest.body.map((m) => m.text)).toEqual(['two', 'three']);
  });

  it('stores a resent message once and acknowledges it with the same id and sequence', async () => {
    const visitor = await widget();
    await visitor.emitWithAck('visitor:join', {});
    const clientId = newClientId();
    const acks = (await Promise.all(
      Array.from({ length: 5 }, () => visitor.emitWithAck('visitor:message', { clientId, text: 'only once' })),
    )) as { ok: true; data: MessageAckData }[];
    const ids = new Set(acks.map((a) => a.data.message.id));
    const seqs = new Set(acks.map((a) => a.data.message.seq));
    expect(ids.size).toBe(1);
    expect(seqs.size).toBe(1);
    expect(await t.prisma.message.count({ where: { clientId } })).toBe(1);
  });

  it('numbers concurrent messages gap-free', async () => {
    const visitor = await widget();
    await visitor.emitWithAck('visitor:join', {});
    const acks = (await Promise.all(
      Array.from({ length: 25 }, (_, i) => visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: `m${i}` })),
    )) as { ok: true; data: MessageAckData }[];
    const seqs = acks.map((a) => a.data.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('refuses a page whose origin the site does not allow', async () => {
    await expect(connectWidget(t.url, site.publicId, 'https://evil.example')).rejects.toMatchObject({
      data: { code: 'origin_not_allowed' },
    });
    await expect(connectWidget(t.url, 'site_unknown', ORIGIN)).rejects.toMatchObject({ data: { code: 'site_not_found' } });
  });

  it('answers long-polling from any page origin with CORS (the handshake checks the origin)', async () => {
    const response = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('refuses an admin socket without a valid token', async () => {
    await expect(connectAdmin(t.url, 'not-a-token')).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });
});

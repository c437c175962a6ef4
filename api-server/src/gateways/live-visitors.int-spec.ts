import type { CreatedSiteDto, LiveVisitorDto, MessageAckData, MessageDto, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

describe('live visitors and proactive messages', () => {
  let t: TestApp;
  let token: string;
  let site: CreatedSiteDto;
  const sockets: WidgetSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOwner(t.url)).accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  async function visitorOn(url: string, visitorId?: string) {
    const socket = await connectWidget(t.url, site.publicId);
    sockets.push(socket);
    const joined: VisitorJoinResult = ok(
      await socket.emitWithAck('visitor:join', { ...(visitorId ? { visitorId } : {}), page: { url, title: `Page ${url}` }, locale: 'uk' }),
    );
    return { socket, visitorId: joined.visitorId };
  }

  const live = async (tok = token) => (await api<LiveVisitorDto[]>(t.url, 'GET', `/live-visitors?siteId=${site.id}`, { token: tok })).body;

  it('lists who is on the site now, once per visitor, with their page; gone when they leave', async () => {
    const first = await visitorOn('https://shop.example/');
    const secondTab = await visitorOn('https://shop.example/cart', first.visitorId);
    const other = await visitorOn('https://shop.example/about');
    ok(await secondTab.socket.emitWithAck('visitor:page', { url: 'https://shop.example/checkout', title: 'Checkout' }));

    const now = await live();
    expect(now.map((v) => v.visitorId).sort()).toEqual([first.visitorId, other.visitorId].sort());
    const firstLive = now.find((v) => v.visitorId === first.visitorId)!;
    expect(firstLive).toMatchObject({ tabs: 2, locale: 'uk', siteId: site.id });
    expect(new Date(firstLive.connectedAt).getTime()).toBeLessThanOrEqual(Date.now());

    other.socket.close();
    await expect.poll(async () => (await live()).map((v) => v.visitorId)).toEqual([first.visitorId]);
    const stranger = await registerOwner(t.url);
    expect(await live(stranger.accessToken)).toEqual([]);
  });

  it('lets an operator start a chat with a live visitor, who gets the message', async () => {
    const visitor = await visitorOn('https://shop.example/pricing');
    const operator = await connectAdmin(t.url, token);
    const arrives = nextEvent<MessageDto>(visitor.socket, 'admin:message');
    const sent: MessageAckData = ok(
      await operator.emitWithAck('visitor:invite', {
        visitorId: visitor.visitorId,
        clientId: newClientId(),
        text: 'Need help choosing a plan?',
      }),
    );
    expect((await arrives).id).toBe(sent.message.id);
    const reply = ok(await visitor.socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Yes please' }));
    expect(reply.message.chatId).toBe(sent.message.chatId);
    expect((await live()).find((v) => v.visitorId === visitor.visitorId)?.chatId).toBe(sent.message.chatId);

    const stranger = await registerOwner(t.url);
    const intruder = await connectAdmin(t.url, stranger.accessToken);
    expect(
      await intruder.emitWithAck('visitor:invite', { visitorId: visitor.visitorId, clientId: newClientId(), text: 'hi' }),
    ).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    operator.close();
    intruder.close();
  });
});

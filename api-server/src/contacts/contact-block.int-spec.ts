// Blocking a contact, over a real widget socket on real PostgreSQL: their connected widgets are
// told and disconnected; a join of any of their visitors, an identify as them (verified user id
// or email) and a new chat are refused with contact_blocked, and nothing of theirs is stored.
// Unblocking lets them back.
import type { Ack, ContactDto, CreatedSiteDto, ErrorBody, ServerErrorPayload, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, nextEvent, ok, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { identify, identitySecret, joinedVisitor, signedInMember, userHash } from '../../test/support/contacts.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('blocked contacts', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let site: CreatedSiteDto;
  let secret: string;
  const sockets: WidgetSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring() });
    const registered = await registerOwner(t.url);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    secret = await identitySecret(t, owner, site.id);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('refuses a blocked contact everywhere the widget reaches and stores nothing; unblock lets them in', async () => {
    const spammer = await joinedVisitor(t, site, { text: 'buy cheap watches' });
    sockets.push(spammer.widget);
    ok(await identify(spammer.widget, { userId: 'spam-1', userHash: userHash(secret, 'spam-1'), email: 'spam@example.com' }));
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: spammer.visitorId } })).contactId!;
    const told = nextEvent<ServerErrorPayload>(spammer.widget, 'server:error');
    const gone = new Promise<string>((resolve) => spammer.widget.once('disconnect', (reason) => resolve(reason)));

    const blocked = await api<ContactDto>(t.url, 'POST', `/contacts/${contactId}/block`, { token: owner });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ blocked: true, blockedAt: expect.any(String) });
    expect((await told).code).toBe('contact_blocked');
    expect(await gone).toBe('io server disconnect');
    const messagesBefore = await t.prisma.message.count({ where: { organizationId } });
    const visitorsBefore = await t.prisma.visitor.count({ where: { organizationId } });

    // 1. The same browser comes back: its join is refused, nothing is written.
    const back = await connectWidget(t.url, site.publicId);
    sockets.push(back);
    const lastSeen = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: spammer.visitorId } })).lastSeenAt;
    const join = (await back.emitWithAck('visitor:join', { visitorId: spammer.visitorId })) as Ack<VisitorJoinResult>;
    expect(join).toMatchObject({ ok: false, code: 'contact_blocked' });
    expect((await t.prisma.visitor.findUniqueOrThrow({ where: { id: spammer.visitorId } })).lastSeenAt).toEqual(lastSeen);
    // Nor can it write without a join.
    expect(await back.emitWithAck('visitor:message', { clientId: newClientId(), text: 'still here' })).toMatchObject({ ok: false });

    // 2. A fresh browser that proves to be the blocked user, or gives their email: refused, nothing stored.
    for (const payload of [
      { userId: 'spam-1', userHash: userHash(secret, 'spam-1'), name: 'New name' },
      { email: 'spam@example.com', name: 'New name' },
    ]) {
      const fresh = await joinedVisitor(t, site);
      sockets.push(fresh.widget);
      expect(await identify(fresh.widget, payload)).toMatchObject({ ok: false, code: 'contact_blocked' });
      expect(await t.prisma.visitor.findUniqueOrThrow({ where: { id: fresh.visitorId } })).toMatchObject({
        name: null,
        email: null,
        externalUserId: null,
        contactId: null,
      });
    }
    expect(await t.prisma.message.count({ where: { organizationId } })).toBe(messagesBefore);
    expect(await t.prisma.visitor.count({ where: { organizationId } })).toBe(visitorsBefore + 2);

    // 3. Another visitor of the contact (linked before the block) cannot start a chat either.
    const other = await t.prisma.visitor.create({
      data: { id: `v_blocked_${Date.now()}`, organizationId, siteId: site.id, contactId },
    });
    const otherSocket = await connectWidget(t.url, site.publicId);
    sockets.push(otherSocket);
    expect(await otherSocket.emitWithAck('visitor:join', { visitorId: other.id })).toMatchObject({ ok: false, code: 'contact_blocked' });

    // Unblock: the same browser joins and writes again.
    expect((await api<ContactDto>(t.url, 'POST', `/contacts/${contactId}/unblock`, { token: owner })).body.blocked).toBe(false);
    ok((await back.emitWithAck('visitor:join', { visitorId: spammer.visitorId })) as Ack<VisitorJoinResult>);
    ok(await back.emitWithAck('visitor:message', { clientId: newClientId(), text: 'sorry' }));
    expect(await t.prisma.message.count({ where: { organizationId } })).toBe(messagesBefore + 1);
  });

  it('a blocked visitor who still holds an open socket cannot start a new chat', async () => {
    const v = await joinedVisitor(t, site);
    sockets.push(v.widget);
    ok(await identify(v.widget, { email: 'quiet@example.com' }));
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } })).contactId!;
    // Blocked directly in the database (as by another node whose disconnect has not arrived yet).
    await t.prisma.contact.update({ where: { id: contactId }, data: { blocked: true } });
    expect(await v.widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hi' })).toMatchObject({
      ok: false,
      code: 'contact_blocked',
    });
    expect(await t.prisma.chat.count({ where: { visitorId: v.visitorId } })).toBe(0);
  });

  it('only owners and admins block', async () => {
    const v = await joinedVisitor(t, site, { text: 'hello' });
    sockets.push(v.widget);
    ok(await identify(v.widget, { email: 'kind@example.com' }));
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } })).contactId!;
    const operator = await signedInMember(t, organizationId, 'OPERATOR', [site.id]);
    const refused = await api<ErrorBody>(t.url, 'POST', `/contacts/${contactId}/block`, { token: operator.token });
    expect(refused.status).toBe(403);
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { id: contactId } })).blocked).toBe(false);
    const admin = await signedInMember(t, organizationId, 'ADMIN');
    expect((await api<ContactDto>(t.url, 'POST', `/contacts/${contactId}/block`, { token: admin.token })).body.blocked).toBe(true);
  });
});

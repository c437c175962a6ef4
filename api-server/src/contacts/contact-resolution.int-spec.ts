// Contact resolution on real PostgreSQL over a real widget socket: a contact gathers visitors of
// every site of the organization by verified user id, then by email; a verified user id beats an
// email; an unverified email never joins a verified contact; `chtq.setUser` attributes count only
// for verified users, and only those that fit their definition.
import type { ContactDetailDto, ContactListDto, CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { api, ok, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { identify, identitySecret, joinedVisitor, userHash } from '../../test/support/contacts.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('contact resolution', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let shop: CreatedSiteDto;
  let blog: CreatedSiteDto;
  const secrets: Record<string, string> = {};
  const sockets: WidgetSocket[] = [];

  const contactOf = async (visitorId: string) => (await t.prisma.visitor.findUniqueOrThrow({ where: { id: visitorId } })).contactId;
  const visitor = async (site: CreatedSiteDto, text?: string) => {
    const v = await joinedVisitor(t, site, { text });
    sockets.push(v.widget);
    return v;
  };

  beforeAll(async () => {
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring() });
    const registered = await registerOwner(t.url);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    shop = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    blog = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Blog' } })).body;
    secrets[shop.id] = await identitySecret(t, owner, shop.id);
    secrets[blog.id] = await identitySecret(t, owner, blog.id);
    for (const body of [
      { key: 'plan', label: 'Plan', type: 'list', options: ['free', 'pro'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'signed_up', label: 'Signed up', type: 'date' },
    ]) {
      expect((await api(t.url, 'POST', '/contact-attributes', { token: owner, body })).status).toBe(201);
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  const verified = (site: CreatedSiteDto, userId: string) => ({ userId, userHash: userHash(secrets[site.id]!, userId) });

  it('gathers the visitors of one verified user across sites into one contact, with every chat newest first', async () => {
    const a = await visitor(shop, 'Where is my order?');
    ok(await identify(a.widget, { ...verified(shop, 'user-1'), name: 'Olena', email: 'olena@example.com' }));
    const b = await visitor(blog, 'Nice post');
    ok(await identify(b.widget, verified(blog, 'user-1')));

    const contactId = await contactOf(a.visitorId);
    expect(contactId).not.toBeNull();
    expect(await contactOf(b.visitorId)).toBe(contactId);
    const { status, body } = await api<ContactDetailDto>(t.url, 'GET', `/contacts/${contactId}`, { token: owner });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Olena', email: 'olena@example.com', externalUserId: 'user-1', chatsCount: 2 });
    expect(body.siteIds).toEqual([shop.id, blog.id].sort());
    expect(body.chats.map((c) => c.id)).toEqual([b.chatId, a.chatId]); // newest first
    expect(body.visitors.map((v) => v.id).sort()).toEqual([a.visitorId, b.visitorId].sort());
  });

  it('gathers unverified visitors by email, but never into a verified contact', async () => {
    const a = await visitor(shop, 'hi');
    ok(await identify(a.widget, { email: 'taras@example.com', name: 'Taras' }));
    const b = await visitor(blog, 'hello');
    ok(await identify(b.widget, { email: 'taras@example.com' }));
    const taras = await contactOf(a.visitorId);
    expect(taras).not.toBeNull();
    expect(await contactOf(b.visitorId)).toBe(taras);

    // Someone typing the verified user's address gets a contact of their own.
    const impostor = await visitor(shop, 'I am Olena');
    ok(await identify(impostor.widget, { email: 'olena@example.com' }));
    const olena = await t.prisma.contact.findUniqueOrThrow({
      where: { organizationId_externalUserId: { organizationId, externalUserId: 'user-1' } },
    });
    const impostorContact = await contactOf(impostor.visitorId);
    expect(impostorContact).not.toBeNull();
    expect(impostorContact).not.toBe(olena.id);

    // A name alone makes no contact.
    const anonymous = await visitor(shop);
    ok(await identify(anonymous.widget, { name: 'Just a name' }));
    expect(await contactOf(anonymous.visitorId)).toBeNull();
  });

  it('a verified user id beats an email: the visitor leaves its email contact for its user', async () => {
    const v = await visitor(shop, 'question');
    ok(await identify(v.widget, { email: 'maria@example.com' }));
    const byEmail = await contactOf(v.visitorId);
    const other = await visitor(blog, 'other');
    ok(await identify(other.widget, { ...verified(blog, 'user-2'), email: 'maria.k@example.com' }));
    const user2 = await contactOf(other.visitorId);
    expect(user2).not.toBe(byEmail);

    ok(await identify(v.widget, verified(shop, 'user-2')));
    expect(await contactOf(v.visitorId)).toBe(user2);
    // The email contact keeps its other visitors (none here) and stays unverified.
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { id: byEmail! } })).externalUserId).toBeNull();
  });

  it('an unverified contact found by email becomes the verified user who proves that email', async () => {
    const v = await visitor(shop, 'hello');
    ok(await identify(v.widget, { email: 'ivan@example.com', name: 'Ivan' }));
    const contactId = await contactOf(v.visitorId);
    const again = await visitor(blog, 'logged in now');
    ok(await identify(again.widget, { ...verified(blog, 'user-3'), email: 'ivan@example.com' }));
    expect(await contactOf(again.visitorId)).toBe(contactId);
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { id: contactId! } })).externalUserId).toBe('user-3');
  });

  it('takes setUser attributes from verified users only, each only when it fits its definition', async () => {
    const unverified = await visitor(shop, 'hi');
    ok(await identify(unverified.widget, { email: 'attr@example.com', attributes: { plan: 'pro', seats: 5 } }));
    const unverifiedContact = await contactOf(unverified.visitorId);
    expect(await t.prisma.contactAttributeValue.count({ where: { contactId: unverifiedContact! } })).toBe(0);

    const v = await visitor(shop, 'hi');
    const ack = ok(
      await identify(v.widget, {
        ...verified(shop, 'user-4'),
        attributes: { plan: 'pro', seats: 'many', signed_up: '2026-03-01T10:00:00Z', unknown_key: 'x', 'Not A Key': true },
      }),
    );
    expect(ack).toEqual({ verified: true });
    const contactId = await contactOf(v.visitorId);
    const list = await api<ContactListDto>(t.url, 'GET', '/contacts?sort=lastSeen', { token: owner });
    const dto = list.body.contacts.find((c) => c.id === contactId);
    expect(dto?.attributes).toEqual({ plan: 'pro', signed_up: '2026-03-01' });

    // Later values replace earlier ones; null removes one.
    ok(await identify(v.widget, { ...verified(shop, 'user-4'), attributes: { plan: null, seats: 12 } }));
    const detail = await api<ContactDetailDto>(t.url, 'GET', `/contacts/${contactId}`, { token: owner });
    expect(detail.body.attributes).toEqual({ seats: 12, signed_up: '2026-03-01' });
  });

  it('a transcript email also resolves the contact', async () => {
    const v = await visitor(shop, 'send me this');
    ok(await v.widget.emitWithAck('visitor:transcript', { email: 'transcript@example.com' }));
    const contactId = await contactOf(v.visitorId);
    expect(contactId).not.toBeNull();
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { id: contactId! } })).email).toBe('transcript@example.com');
  });
});

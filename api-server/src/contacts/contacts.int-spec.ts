// The people directory over REST on real PostgreSQL: typed custom attributes and their checks,
// the list's filters and sorts, notes, and permission scoping (an operator sees only contacts who
// were visitors on their sites, and only those sites' chats; another organization sees nothing).
import type {
  ContactAttributeDefinitionDto,
  ContactDetailDto,
  ContactDto,
  ContactListDto,
  ContactNoteDto,
  CreatedSiteDto,
  ErrorBody,
  LabelDto,
} from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ok, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { identify, joinedVisitor, signedInMember } from '../../test/support/contacts.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('contacts', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let shop: CreatedSiteDto;
  let blog: CreatedSiteDto;
  const sockets: WidgetSocket[] = [];

  /** A visitor of `site` who wrote `chats` messages in as many chats and gave `email`. */
  async function person(
    site: CreatedSiteDto,
    email: string,
    chats = 1,
  ): Promise<{ contactId: string; visitorId: string; chatIds: string[] }> {
    const v = await joinedVisitor(t, site, { text: `hello from ${email}` });
    sockets.push(v.widget);
    ok(await identify(v.widget, { email }));
    const chatIds = [v.chatId!];
    for (let i = 1; i < chats; i++) {
      await t.prisma.chat.update({ where: { id: chatIds[chatIds.length - 1]! }, data: { status: 'RESOLVED' } });
      chatIds.push(
        ok(await v.widget.emitWithAck('visitor:message', { clientId: `c-${email}-${i}-xxxx`, text: `again ${i}` })).message.chatId,
      );
    }
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } })).contactId!;
    return { contactId, visitorId: v.visitorId, chatIds };
  }

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerOwner(t.url);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    shop = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    blog = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Blog' } })).body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('defines typed attributes and checks every value against its type', async () => {
    const define = (body: unknown) =>
      api<ContactAttributeDefinitionDto & ErrorBody>(t.url, 'POST', '/contact-attributes', { token: owner, body });
    expect((await define({ key: 'tier', label: 'Tier', type: 'list' })).status).toBe(400); // a list needs options
    expect((await define({ key: 'tier', label: 'Tier', type: 'text', options: ['a'] })).status).toBe(400);
    expect((await define({ key: 'Bad Key', label: 'x', type: 'text' })).status).toBe(400);
    const tier = (await define({ key: 'tier', label: 'Tier', type: 'list', options: ['bronze', 'gold'] })).body;
    expect(tier).toMatchObject({ key: 'tier', type: 'list', options: ['bronze', 'gold'] });
    expect((await define({ key: 'tier', label: 'Again', type: 'text' })).body.code).toBe('attribute_key_taken');
    for (const [key, type] of [
      ['note', 'text'],
      ['seats', 'number'],
      ['renews', 'date'],
      ['trial', 'boolean'],
    ] as const) {
      expect((await define({ key, label: key, type })).status).toBe(201);
    }

    const created = await api<ContactDto>(t.url, 'POST', '/contacts', {
      token: owner,
      body: {
        name: 'Api Person',
        email: 'API@Example.com',
        attributes: { tier: 'gold', seats: '12', renews: '2027-01-31', trial: false, note: '  hi  ' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'api@example.com',
      attributes: { tier: 'gold', seats: 12, renews: '2027-01-31', trial: false, note: 'hi' },
    });

    const bad = await api<ErrorBody>(t.url, 'PATCH', `/contacts/${created.body.id}`, {
      token: owner,
      body: { attributes: { tier: 'platinum', seats: 'lots', renews: '2027-02-30', trial: 'yes', nope: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.issues?.map((i) => i.path.join('.')).sort()).toEqual([
      'attributes.nope',
      'attributes.renews',
      'attributes.seats',
      'attributes.tier',
      'attributes.trial',
    ]);
    // Nothing of a refused write was stored.
    const unchanged = await api<ContactDetailDto>(t.url, 'GET', `/contacts/${created.body.id}`, { token: owner });
    expect(unchanged.body.attributes).toMatchObject({ tier: 'gold', seats: 12 });

    const changed = await api<ContactDto>(t.url, 'PATCH', `/contacts/${created.body.id}`, {
      token: owner,
      body: { phone: '+380441234567', attributes: { tier: 'bronze', note: null } },
    });
    expect(changed.body.attributes).toEqual({ tier: 'bronze', seats: 12, renews: '2027-01-31', trial: false });
    expect(changed.body.phone).toBe('+380441234567');

    // Options change; the key and type stay. Deleting a definition deletes its values.
    const renamed = await api<ContactAttributeDefinitionDto>(t.url, 'PATCH', `/contact-attributes/${tier.id}`, {
      token: owner,
      body: { label: 'Customer tier', options: ['bronze', 'silver', 'gold'] },
    });
    expect(renamed.body).toMatchObject({ key: 'tier', label: 'Customer tier', options: ['bronze', 'silver', 'gold'] });
    expect((await api(t.url, 'DELETE', `/contact-attributes/${tier.id}`, { token: owner })).status).toBe(204);
    const after = await api<ContactDetailDto>(t.url, 'GET', `/contacts/${created.body.id}`, { token: owner });
    expect(after.body.attributes).not.toHaveProperty('tier');

    const operator = await signedInMember(t, organizationId, 'OPERATOR', [shop.id]);
    expect(
      (await api(t.url, 'POST', '/contact-attributes', { token: operator.token, body: { key: 'x', label: 'x', type: 'text' } })).status,
    ).toBe(403);
    expect((await api<ContactAttributeDefinitionDto[]>(t.url, 'GET', '/contact-attributes', { token: operator.token })).body.length).toBe(
      4,
    );
  });

  it('lists with filters and sorts, and scopes everything to what the caller may see', async () => {
    const alice = await person(shop, 'alice@example.com', 3);
    const bob = await person(blog, 'bob@example.com', 1);
    const both = await person(shop, 'both@example.com', 1);
    const onBlog = await joinedVisitor(t, blog, { text: 'from the blog too' });
    sockets.push(onBlog.widget);
    ok(await identify(onBlog.widget, { email: 'both@example.com' }));
    const [vip, trial] = await Promise.all(
      ['VIP', 'Trial'].map(async (name) => (await api<LabelDto>(t.url, 'POST', '/labels', { token: owner, body: { name } })).body),
    );
    await api(t.url, 'POST', `/contacts/${alice.contactId}/labels`, { token: owner, body: { labelId: vip!.id } });
    await api(t.url, 'POST', `/contacts/${alice.contactId}/labels`, { token: owner, body: { labelId: trial!.id } });
    await api(t.url, 'POST', `/contacts/${bob.contactId}/labels`, { token: owner, body: { labelId: vip!.id } });
    const ids = [alice.contactId, bob.contactId, both.contactId];
    const list = async (query: string, token = owner) => {
      const { status, body } = await api<ContactListDto>(t.url, 'GET', `/contacts?${query}`, { token });
      expect(status, query).toBe(200);
      return body.contacts.map((c) => c.id).filter((id) => ids.includes(id));
    };

    expect(await list('sort=chats&order=desc')).toEqual([alice.contactId, both.contactId, bob.contactId]);
    expect(await list('sort=lastSeen&order=desc')).toEqual([both.contactId, bob.contactId, alice.contactId]);
    expect(await list('sort=name&order=asc')).toEqual([alice.contactId, bob.contactId, both.contactId]);
    expect(await list(`siteId=${blog.id}&sort=name&order=asc`)).toEqual([bob.contactId, both.contactId]);
    expect(await list(`labelIds=${vip!.id},${trial!.id}&labelMatch=any&sort=name&order=asc`)).toEqual([alice.contactId, bob.contactId]);
    expect(await list(`labelIds=${vip!.id},${trial!.id}&labelMatch=all`)).toEqual([alice.contactId]);
    const page = await api<ContactListDto>(t.url, 'GET', '/contacts?limit=1&sort=name&order=asc', { token: owner });
    expect(page.body.contacts).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(3);

    // An operator of the shop: the shop's contacts, with the shop's chats only.
    const operator = await signedInMember(t, organizationId, 'OPERATOR', [shop.id]);
    expect(await list('sort=name&order=asc', operator.token)).toEqual([alice.contactId, both.contactId]);
    const seen = (await api<ContactDetailDto>(t.url, 'GET', `/contacts/${both.contactId}`, { token: operator.token })).body;
    expect(seen.siteIds).toEqual([shop.id]);
    expect(seen.chats.map((c) => c.siteId)).toEqual([shop.id]);
    expect(seen.chatsCount).toBe(1);
    const full = (await api<ContactDetailDto>(t.url, 'GET', `/contacts/${both.contactId}`, { token: owner })).body;
    expect(full.siteIds).toEqual([shop.id, blog.id].sort());
    expect(full.chatsCount).toBe(2);
    expect((await api(t.url, 'GET', `/contacts/${bob.contactId}`, { token: operator.token })).status).toBe(404);
    expect((await api(t.url, 'PATCH', `/contacts/${bob.contactId}`, { token: operator.token, body: { name: 'x' } })).status).toBe(404);
    expect((await api<ErrorBody>(t.url, 'GET', `/contacts?siteId=${blog.id}`, { token: operator.token })).body.code).toBe('site_not_found');
    // Operators edit what they see, but do not create or delete contacts.
    expect(
      (await api<ContactDto>(t.url, 'PATCH', `/contacts/${alice.contactId}`, { token: operator.token, body: { company: 'Acme' } })).body
        .company,
    ).toBe('Acme');
    expect((await api(t.url, 'POST', '/contacts', { token: operator.token, body: { name: 'x' } })).status).toBe(403);
    expect((await api(t.url, 'DELETE', `/contacts/${alice.contactId}`, { token: operator.token })).status).toBe(403);

    // Another organization sees none of it.
    const stranger = (await registerOwner(t.url)).accessToken;
    expect(await list('', stranger)).toEqual([]);
    expect((await api(t.url, 'GET', `/contacts/${alice.contactId}`, { token: stranger })).status).toBe(404);

    // Deleting a contact keeps its visitors and chats.
    expect((await api(t.url, 'DELETE', `/contacts/${bob.contactId}`, { token: owner })).status).toBe(204);
    expect((await t.prisma.visitor.findUniqueOrThrow({ where: { id: bob.visitorId } })).contactId).toBeNull();
    expect(await t.prisma.chat.count({ where: { visitorId: bob.visitorId } })).toBe(1);
  });

  it('keeps notes about a contact', async () => {
    const who = await person(shop, 'notes@example.com');
    const operator = await signedInMember(t, organizationId, 'OPERATOR', [shop.id]);
    const first = await api<ContactNoteDto>(t.url, 'POST', `/contacts/${who.contactId}/notes`, {
      token: operator.token,
      body: { text: 'Prefers email' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: 'Prefers email', authorId: operator.id, authorName: 'OPERATOR member' });
    const second = (
      await api<ContactNoteDto>(t.url, 'POST', `/contacts/${who.contactId}/notes`, { token: owner, body: { text: 'VIP since 2024' } })
    ).body;
    const edited = await api<ContactNoteDto>(t.url, 'PATCH', `/contacts/${who.contactId}/notes/${first.body.id}`, {
      token: owner,
      body: { text: 'Prefers phone' },
    });
    expect(edited.body.text).toBe('Prefers phone');
    const notes = (await api<ContactNoteDto[]>(t.url, 'GET', `/contacts/${who.contactId}/notes`, { token: operator.token })).body;
    expect(notes.map((n) => n.id)).toEqual([second.id, first.body.id]);
    expect((await api(t.url, 'DELETE', `/contacts/${who.contactId}/notes/${second.id}`, { token: operator.token })).status).toBe(204);
    expect((await api(t.url, 'DELETE', `/contacts/${who.contactId}/notes/${second.id}`, { token: operator.token })).status).toBe(404);
    const blogOperator = await signedInMember(t, organizationId, 'OPERATOR', [blog.id]);
    expect((await api(t.url, 'GET', `/contacts/${who.contactId}/notes`, { token: blogOperator.token })).status).toBe(404);
    expect((await api(t.url, 'POST', `/contacts/${who.contactId}/notes`, { token: blogOperator.token, body: { text: 'x' } })).status).toBe(
      404,
    );
  });
});

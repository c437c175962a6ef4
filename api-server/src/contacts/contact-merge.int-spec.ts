// Merging two contacts and undoing it, on real PostgreSQL: the source's visitors (so its chats),
// notes, labels and attributes the target lacks and its empty-on-the-target fields move; the
// record says exactly what moved; the undo moves exactly that back and shows the source again.
import type { ContactDetailDto, ContactDto, ContactListDto, ContactMergeDto, CreatedSiteDto, ErrorBody, LabelDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { api, ok, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { identify, identitySecret, joinedVisitor, signedInMember, userHash } from '../../test/support/contacts.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('contact merge', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let site: CreatedSiteDto;
  let secret: string;
  const sockets: WidgetSocket[] = [];

  /** A contact made by a visitor of the site who wrote and identified. */
  async function contactByVisitor(who: { email?: string; userId?: string; name?: string }) {
    const v = await joinedVisitor(t, site, { text: `hello from ${who.email ?? who.userId}` });
    sockets.push(v.widget);
    const { userId, ...rest } = who;
    ok(await identify(v.widget, userId ? { ...rest, userId, userHash: userHash(secret, userId) } : rest));
    const row = await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } });
    return { contactId: row.contactId!, visitorId: v.visitorId, chatId: v.chatId! };
  }

  beforeAll(async () => {
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring() });
    const registered = await registerOwner(t.url);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    secret = await identitySecret(t, owner, site.id);
    await api(t.url, 'POST', '/contact-attributes', { token: owner, body: { key: 'plan', label: 'Plan', type: 'text' } });
    await api(t.url, 'POST', '/contact-attributes', { token: owner, body: { key: 'city', label: 'City', type: 'text' } });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('merges, records what moved, and undoes exactly that', async () => {
    const target = await contactByVisitor({ userId: 'u-merge', name: 'Petro' });
    const source = await contactByVisitor({ email: 'petro@example.com', name: 'Petro K' });
    const [vip, refund] = await Promise.all(
      ['VIP', 'Refund'].map(async (name) => (await api<LabelDto>(t.url, 'POST', '/labels', { token: owner, body: { name } })).body),
    );
    // The target already has VIP and a plan; the source has VIP, Refund, a plan and a city, and a note.
    await api(t.url, 'POST', `/contacts/${target.contactId}/labels`, { token: owner, body: { labelId: vip!.id } });
    await api(t.url, 'POST', `/contacts/${source.contactId}/labels`, { token: owner, body: { labelId: vip!.id } });
    await api(t.url, 'POST', `/contacts/${source.contactId}/labels`, { token: owner, body: { labelId: refund!.id } });
    await api(t.url, 'PATCH', `/contacts/${target.contactId}`, {
      token: owner,
      body: { attributes: { plan: 'gold' }, phone: '+380501112233' },
    });
    await api(t.url, 'PATCH', `/contacts/${source.contactId}`, {
      token: owner,
      body: { attributes: { plan: 'free', city: 'Lviv' }, company: 'Acme' },
    });
    const note = (
      await api<{ id: string }>(t.url, 'POST', `/contacts/${source.contactId}/notes`, {
        token: owner,
        body: { text: 'Called about a refund' },
      })
    ).body;

    const merged = await api<{ contact: ContactDto; merge: ContactMergeDto }>(t.url, 'POST', `/contacts/${target.contactId}/merge`, {
      token: owner,
      body: { sourceId: source.contactId },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.merge.moved).toEqual({
      visitorIds: [source.visitorId],
      noteIds: [note.id],
      labelIds: [refund!.id],
      attributes: [{ definitionId: expect.any(String), key: 'city' }],
      fields: expect.arrayContaining(['email', 'company']),
    });
    expect(merged.body.merge.moved.fields.sort()).toEqual(['company', 'email']);
    expect(merged.body.contact).toMatchObject({
      name: 'Petro',
      email: 'petro@example.com',
      company: 'Acme',
      phone: '+380501112233',
      externalUserId: 'u-merge',
      chatsCount: 2,
      attributes: { plan: 'gold', city: 'Lviv' },
    });
    expect(merged.body.contact.labels.map((l) => l.name)).toEqual(['Refund', 'VIP']);
    const detail = (await api<ContactDetailDto>(t.url, 'GET', `/contacts/${target.contactId}`, { token: owner })).body;
    expect(detail.chats.map((c) => c.id)).toEqual([source.chatId, target.chatId]);
    expect(detail.notes.map((n) => n.id)).toEqual([note.id]);
    // The source is gone from every view.
    expect((await api(t.url, 'GET', `/contacts/${source.contactId}`, { token: owner })).status).toBe(404);
    const list = (await api<ContactListDto>(t.url, 'GET', '/contacts?limit=100', { token: owner })).body;
    expect(list.contacts.map((c) => c.id)).not.toContain(source.contactId);
    // Merging it again, or a contact with itself, is a conflict or unknown.
    expect(
      (await api<ErrorBody>(t.url, 'POST', `/contacts/${target.contactId}/merge`, { token: owner, body: { sourceId: target.contactId } }))
        .body.code,
    ).toBe('merge_conflict');
    expect(
      (await api(t.url, 'POST', `/contacts/${target.contactId}/merge`, { token: owner, body: { sourceId: source.contactId } })).status,
    ).toBe(404);
    const records = (await api<ContactMergeDto[]>(t.url, 'GET', `/contacts/${target.contactId}/merges`, { token: owner })).body;
    expect(records.map((r) => r.id)).toEqual([merged.body.merge.id]);

    const undone = await api<{ target: ContactDto; source: ContactDto; merge: ContactMergeDto }>(
      t.url,
      'POST',
      `/contacts/merges/${merged.body.merge.id}/unmerge`,
      { token: owner },
    );
    expect(undone.status).toBe(200);
    expect(undone.body.merge.undoneAt).not.toBeNull();
    expect(undone.body.target).toMatchObject({
      email: null,
      company: null,
      phone: '+380501112233',
      chatsCount: 1,
      attributes: { plan: 'gold' },
    });
    expect(undone.body.target.labels.map((l) => l.name)).toEqual(['VIP']);
    expect(undone.body.source).toMatchObject({
      email: 'petro@example.com',
      company: 'Acme',
      chatsCount: 1,
      attributes: { plan: 'free', city: 'Lviv' },
    });
    expect(undone.body.source.labels.map((l) => l.name)).toEqual(['Refund', 'VIP']);
    expect((await t.prisma.visitor.findUniqueOrThrow({ where: { id: source.visitorId } })).contactId).toBe(source.contactId);
    expect((await t.prisma.contactNote.findUniqueOrThrow({ where: { id: note.id } })).contactId).toBe(source.contactId);
    // An undo happens once.
    expect((await api<ErrorBody>(t.url, 'POST', `/contacts/merges/${merged.body.merge.id}/unmerge`, { token: owner })).body.code).toBe(
      'merge_conflict',
    );
  });

  it('moves a verified user id to an unverified target and back; two verified users are not merged', async () => {
    const unverified = await contactByVisitor({ email: 'lesia@example.com' });
    const verifiedUser = await contactByVisitor({ userId: 'u-lesia' });
    const merged = await api<{ contact: ContactDto; merge: ContactMergeDto }>(t.url, 'POST', `/contacts/${unverified.contactId}/merge`, {
      token: owner,
      body: { sourceId: verifiedUser.contactId },
    });
    expect(merged.body.contact.externalUserId).toBe('u-lesia');
    // The verified user's next visit resolves to the merged contact.
    const again = await contactByVisitor({ userId: 'u-lesia' });
    expect(again.contactId).toBe(unverified.contactId);

    const other = await contactByVisitor({ userId: 'u-other' });
    const refused = await api<ErrorBody>(t.url, 'POST', `/contacts/${other.contactId}/merge`, {
      token: owner,
      body: { sourceId: unverified.contactId },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('merge_conflict');

    await api(t.url, 'POST', `/contacts/merges/${merged.body.merge.id}/unmerge`, { token: owner });
    const source = await t.prisma.contact.findUniqueOrThrow({ where: { id: verifiedUser.contactId } });
    expect(source).toMatchObject({ externalUserId: 'u-lesia', mergedIntoId: null });
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { id: unverified.contactId } })).externalUserId).toBeNull();
  });

  it('only owners and admins merge; an operator of the site may not', async () => {
    const a = await contactByVisitor({ email: 'a@example.com' });
    const b = await contactByVisitor({ email: 'b@example.com' });
    const operator = await signedInMember(t, organizationId, 'OPERATOR', [site.id]);
    const refused = await api<ErrorBody>(t.url, 'POST', `/contacts/${a.contactId}/merge`, {
      token: operator.token,
      body: { sourceId: b.contactId },
    });
    expect(refused.status).toBe(403);
    expect(await t.prisma.contactMerge.count({ where: { targetId: a.contactId } })).toBe(0);
  });
});

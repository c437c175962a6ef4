// Labels on real PostgreSQL with real admin sockets: an organization's labels on chats and
// contacts; a rename shows everywhere at once, a delete takes the label off everything; every
// change reaches the organization's panels live (`labels:updated`), an operator's only for the
// sites they see; names are unique per organization whatever their case.
import type { ChatSummaryDto, ContactDetailDto, CreatedSiteDto, ErrorBody, LabelDto, LabelsUpdatedPayload } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminSocket,
  adminRoundTrip,
  api,
  collect,
  connectAdmin,
  nextEvent,
  ok,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { identify, joinedVisitor, signedInMember } from '../../test/support/contacts.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('labels', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let shop: CreatedSiteDto;
  let blog: CreatedSiteDto;
  let shopOperator: { id: string; token: string };
  let blogOperator: { id: string; token: string };
  const sockets: (WidgetSocket | AdminSocket)[] = [];

  const labelsUpdated = (socket: AdminSocket, matches: (p: LabelsUpdatedPayload) => boolean) =>
    nextEvent<LabelsUpdatedPayload>(socket, 'labels:updated', 5000, matches);

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerOwner(t.url);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    shop = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop' } })).body;
    blog = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Blog' } })).body;
    shopOperator = await signedInMember(t, organizationId, 'OPERATOR', [shop.id]);
    blogOperator = await signedInMember(t, organizationId, 'OPERATOR', [blog.id]);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('lives on chats and contacts: renamed and deleted everywhere at once, live on every panel concerned', async () => {
    const ownerSocket = await connectAdmin(t.url, owner);
    const shopSocket = await connectAdmin(t.url, shopOperator.token);
    const blogSocket = await connectAdmin(t.url, blogOperator.token);
    sockets.push(ownerSocket, shopSocket, blogSocket);
    const blogEvents = collect<LabelsUpdatedPayload>(blogSocket, 'labels:updated');

    // Create: everyone's panel gets the new list.
    const seenByOperator = labelsUpdated(shopSocket, (p) => p.kind === 'labels' && p.labels.some((l) => l.name === 'Refund'));
    const created = await api<LabelDto>(t.url, 'POST', '/labels', {
      token: owner,
      body: { name: 'Refund', color: '#FF0000', description: 'Money back' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Refund', color: '#ff0000', description: 'Money back' });
    await seenByOperator;
    const label = created.body;

    // On a chat of the shop (by its operator) and on the visitor's contact.
    const v = await joinedVisitor(t, shop, { text: 'I want my money back' });
    sockets.push(v.widget);
    ok(await identify(v.widget, { email: 'refund@example.com' }));
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: v.visitorId } })).contactId!;
    const chatLive = labelsUpdated(ownerSocket, (p) => p.kind === 'chat' && p.chatId === v.chatId);
    const onChat = await api<LabelDto[]>(t.url, 'POST', `/chats/${v.chatId}/labels`, {
      token: shopOperator.token,
      body: { labelId: label.id },
    });
    expect(onChat.status).toBe(200);
    expect(onChat.body.map((l) => l.name)).toEqual(['Refund']);
    expect(await chatLive).toEqual({ kind: 'chat', chatId: v.chatId, siteId: shop.id, labelIds: [label.id] });
    // Adding it twice changes nothing.
    expect(
      (await api<LabelDto[]>(t.url, 'POST', `/chats/${v.chatId}/labels`, { token: owner, body: { labelId: label.id } })).body,
    ).toHaveLength(1);
    const contactLive = labelsUpdated(shopSocket, (p) => p.kind === 'contact' && p.contactId === contactId);
    await api(t.url, 'POST', `/contacts/${contactId}/labels`, { token: shopOperator.token, body: { labelId: label.id } });
    expect(await contactLive).toEqual({ kind: 'contact', contactId, labelIds: [label.id] });
    // The blog's operator sees neither the chat nor the contact: nothing about them reached them.
    expect(
      (await api<ErrorBody>(t.url, 'POST', `/chats/${v.chatId}/labels`, { token: blogOperator.token, body: { labelId: label.id } })).body
        .code,
    ).toBe('chat_not_found');
    expect((await api(t.url, 'GET', `/contacts/${contactId}/labels`, { token: blogOperator.token })).status).toBe(404);
    await adminRoundTrip(blogSocket);
    expect(blogEvents.filter((p) => p.kind !== 'labels')).toEqual([]);

    // Rename: the chat and the contact show the new name.
    const renamedLive = labelsUpdated(shopSocket, (p) => p.kind === 'labels' && p.labels.some((l) => l.name === 'Refunds'));
    const renamed = await api<LabelDto>(t.url, 'PATCH', `/labels/${label.id}`, {
      token: owner,
      body: { name: 'Refunds', color: '#00aa00' },
    });
    expect(renamed.body).toMatchObject({ id: label.id, name: 'Refunds', color: '#00aa00', description: 'Money back' });
    await renamedLive;
    expect((await api<LabelDto[]>(t.url, 'GET', `/chats/${v.chatId}/labels`, { token: owner })).body.map((l) => l.name)).toEqual([
      'Refunds',
    ]);
    const contact = (await api<ContactDetailDto>(t.url, 'GET', `/contacts/${contactId}`, { token: owner })).body;
    expect(contact.labels.map((l) => [l.name, l.color])).toEqual([['Refunds', '#00aa00']]);

    // Delete: gone from the chat and the contact.
    const deletedLive = labelsUpdated(ownerSocket, (p) => p.kind === 'labels' && p.labels.length === 0);
    expect((await api(t.url, 'DELETE', `/labels/${label.id}`, { token: owner })).status).toBe(204);
    await deletedLive;
    expect((await api<LabelDto[]>(t.url, 'GET', `/chats/${v.chatId}/labels`, { token: owner })).body).toEqual([]);
    expect((await api<ContactDetailDto>(t.url, 'GET', `/contacts/${contactId}`, { token: owner })).body.labels).toEqual([]);
    expect(await t.prisma.chatLabel.count({ where: { labelId: label.id } })).toBe(0);
    expect(await t.prisma.contactLabel.count({ where: { labelId: label.id } })).toBe(0);
  });

  it('takes a label off a chat and a contact', async () => {
    const label = (await api<LabelDto>(t.url, 'POST', '/labels', { token: owner, body: { name: 'Bug' } })).body;
    const v = await joinedVisitor(t, blog, { text: 'it crashes' });
    sockets.push(v.widget);
    await api(t.url, 'POST', `/chats/${v.chatId}/labels`, { token: owner, body: { labelId: label.id } });
    const off = await api<LabelDto[]>(t.url, 'DELETE', `/chats/${v.chatId}/labels/${label.id}`, { token: blogOperator.token });
    expect(off.status).toBe(200);
    expect(off.body).toEqual([]);
  });

  it('filters the inbox by label, any or all of them, within the sites the caller sees', async () => {
    const [urgent, billing] = await Promise.all(
      ['Urgent', 'Billing'].map(async (name) => (await api<LabelDto>(t.url, 'POST', '/labels', { token: owner, body: { name } })).body),
    );
    const one = await joinedVisitor(t, shop, { text: 'urgent only' });
    const two = await joinedVisitor(t, shop, { text: 'urgent billing' });
    const three = await joinedVisitor(t, blog, { text: 'billing on the blog' });
    sockets.push(one.widget, two.widget, three.widget);
    for (const [chatId, label] of [
      [one.chatId, urgent],
      [two.chatId, urgent],
      [two.chatId, billing],
      [three.chatId, billing],
    ] as const) {
      await api(t.url, 'POST', `/chats/${chatId}/labels`, { token: owner, body: { labelId: label!.id } });
    }
    const inbox = async (query: string, token = owner) => {
      const { status, body } = await api<ChatSummaryDto[]>(t.url, 'GET', `/chats?${query}`, { token });
      expect(status, query).toBe(200);
      return body.map((c) => c.id).sort();
    };
    expect(await inbox(`labelIds=${urgent!.id},${billing!.id}`)).toEqual([one.chatId, two.chatId, three.chatId].sort());
    expect(await inbox(`labelIds=${urgent!.id},${billing!.id}&labelMatch=all`)).toEqual([two.chatId]);
    expect(await inbox(`labelIds=${billing!.id}`)).toEqual([two.chatId, three.chatId].sort());
    expect(await inbox(`labelIds=${billing!.id}`, shopOperator.token)).toEqual([two.chatId]);
  });

  it('keeps names unique per organization whatever their case; only owners and admins define labels', async () => {
    await api(t.url, 'POST', '/labels', { token: owner, body: { name: 'Sales' } });
    const taken = await api<ErrorBody>(t.url, 'POST', '/labels', { token: owner, body: { name: 'sales' } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('label_taken');
    const other = (await api<LabelDto>(t.url, 'POST', '/labels', { token: owner, body: { name: 'Other' } })).body;
    expect((await api<ErrorBody>(t.url, 'PATCH', `/labels/${other.id}`, { token: owner, body: { name: 'SALES' } })).body.code).toBe(
      'label_taken',
    );
    // Another organization may use the same name.
    const stranger = (await registerOwner(t.url)).accessToken;
    expect((await api(t.url, 'POST', '/labels', { token: stranger, body: { name: 'Sales' } })).status).toBe(201);
    expect((await api<LabelDto[]>(t.url, 'GET', '/labels', { token: stranger })).body.map((l) => l.name)).toEqual(['Sales']);

    expect((await api(t.url, 'POST', '/labels', { token: shopOperator.token, body: { name: 'Mine' } })).status).toBe(403);
    expect((await api(t.url, 'PATCH', `/labels/${other.id}`, { token: shopOperator.token, body: { name: 'Mine' } })).status).toBe(403);
    expect((await api(t.url, 'DELETE', `/labels/${other.id}`, { token: shopOperator.token })).status).toBe(403);
    expect((await api<LabelDto[]>(t.url, 'GET', '/labels', { token: shopOperator.token })).status).toBe(200);
    const invalid = await api<ErrorBody>(t.url, 'POST', '/labels', { token: owner, body: { name: 'Colour', color: 'red' } });
    expect(invalid.status).toBe(400);
  });
});

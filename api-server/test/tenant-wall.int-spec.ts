// The tenant wall: an operator of another organization, or of the same organization but not
// assigned to the site, can neither read nor write a chat, over REST or sockets. Routes come from
// the router and events from the contract, so new ones are covered without editing this file.
import { adminClientEventSchemas, type CreatedSiteDto, type MessageAckData, type VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../prisma/factories.js';
import {
  type AdminSocket,
  adminRoundTrip,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  nextChatUpdate,
  nextEvent,
  registerOwner,
} from './support/clients.js';
import { listRoutes } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_ROUTES = new Set(['POST /auth/register', 'POST /auth/login', 'POST /auth/google', 'GET /auth/mail-status', 'GET /health']);
const isPublic = (r: { method: string; path: string }) => PUBLIC_ROUTES.has(`${r.method} ${r.path}`) || r.path.startsWith('/docs');

describe('tenant wall', () => {
  let t: TestApp;
  let victim: {
    token: string;
    site: CreatedSiteDto;
    chatId: string;
    visitorId: string;
    webhookId: string;
    deliveryId: string;
    secrets: string[];
    /** The organization's own settings (labels, attribute definitions): its members see them, other organizations do not. */
    orgSecrets: string[];
    /** Real ids of the victim's rows for each route parameter, so every route reaches real data. */
    params: Record<string, string>;
  };
  const intruders: Record<string, string> = {};
  const sockets: AdminSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const owner = await registerOwner(t.url, 'victim');
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Victim site' } })).body;
    const widget = await connectWidget(t.url, site.publicId);
    const joined = (await widget.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    const sent = (await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'victim secret text' })) as {
      ok: true;
      data: MessageAckData;
    };
    // A contact (by the visitor's email) with a label, a note and an attribute, a label on the
    // chat, and a merge of a second contact into it: what the contact and label routes reach.
    await widget.emitWithAck('visitor:identify', { email: 'victim-person@example.com', name: 'Victim Person' });
    widget.close();
    // A webhook (no events: nothing is sent) with a logged delivery, so routes that name them are probed with real ids.
    const webhook = await t.prisma.webhookSubscription.create({
      data: {
        organizationId: owner.user.organizationId,
        url: 'https://victim.example/hook',
        events: [],
        secretEncrypted: 'sealed-victim-secret',
      },
    });
    const delivery = await t.prisma.webhookDelivery.create({
      data: {
        organizationId: owner.user.organizationId,
        webhookId: webhook.id,
        eventId: 'evt_victim',
        eventType: 'webhook.test',
        attempt: 1,
        payload: { id: 'evt_victim', note: 'victim secret text' },
        responseStatus: 200,
        durationMs: 1,
        delivered: true,
      },
    });
    const token = owner.accessToken;
    const contactId = (await t.prisma.visitor.findUniqueOrThrow({ where: { id: joined.data.visitorId } })).contactId!;
    const label = (await api<{ id: string }>(t.url, 'POST', '/labels', { token, body: { name: 'Victim label' } })).body;
    await api(t.url, 'POST', `/chats/${sent.data.message.chatId}/labels`, { token, body: { labelId: label.id } });
    await api(t.url, 'POST', `/contacts/${contactId}/labels`, { token, body: { labelId: label.id } });
    const note = (await api<{ id: string }>(t.url, 'POST', `/contacts/${contactId}/notes`, { token, body: { text: 'victim note text' } }))
      .body;
    const attribute = (
      await api<{ id: string }>(t.url, 'POST', '/contact-attributes', {
        token,
        body: { key: 'victim_attr', label: 'Victim attribute', type: 'text' },
      })
    ).body;
    await api(t.url, 'PATCH', `/contacts/${contactId}`, { token, body: { attributes: { victim_attr: 'victim attribute value' } } });
    const second = (await api<{ id: string }>(t.url, 'POST', '/contacts', { token, body: { name: 'Victim Second' } })).body;
    const merge = (
      await api<{ merge: { id: string } }>(t.url, 'POST', `/contacts/${contactId}/merge`, { token, body: { sourceId: second.id } })
    ).body.merge;
    victim = {
      token,
      site,
      chatId: sent.data.message.chatId,
      visitorId: joined.data.visitorId,
      webhookId: webhook.id,
      deliveryId: delivery.id,
      secrets: [
        site.id,
        site.publicId,
        sent.data.message.chatId,
        joined.data.visitorId,
        'victim secret text',
        'whsec_victim_secret',
        'victim.example',
        contactId,
        'victim-person@example.com',
        'Victim Person',
        note.id,
        'victim note text',
        'victim attribute value',
        merge.id,
      ],
      orgSecrets: [label.id, 'Victim label', attribute.id, 'Victim attribute'],
      params: {
        chatId: sent.data.message.chatId,
        siteId: site.id,
        visitorId: joined.data.visitorId,
        contactId,
        labelId: label.id,
        noteId: note.id,
        attributeId: attribute.id,
        mergeId: merge.id,
        webhookId: webhook.id,
        deliveryId: delivery.id,
      },
    };

    intruders['owner of another organization'] = (await registerOwner(t.url, 'intruder')).accessToken;
    // An operator of the victim's own organization with no site assigned.
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
    intruders['unassigned operator of the same organization'] = login.body.accessToken;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('the victim can read their own chat (so the probes below are meaningful)', async () => {
    const { status, body } = await api(t.url, 'GET', `/chats/${victim.chatId}/messages`, { token: victim.token });
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('victim secret text');
  });

  it('the victim can read their own webhook and its log (so the probes below are meaningful)', async () => {
    const { status, body } = await api(t.url, 'GET', `/webhooks/${victim.webhookId}/deliveries`, { token: victim.token });
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('victim secret text');
  });

  it('the victim can read their contact, its note and labels (so the probes below are meaningful)', async () => {
    const { status, body } = await api(t.url, 'GET', `/contacts/${victim.params.contactId}`, { token: victim.token });
    expect(status).toBe(200);
    for (const secret of ['Victim Person', 'victim note text', 'Victim label', 'victim attribute value'])
      expect(JSON.stringify(body)).toContain(secret);
    const labels = await api(t.url, 'GET', `/chats/${victim.chatId}/labels`, { token: victim.token });
    expect(JSON.stringify(labels.body)).toContain('Victim label');
  });

  it('finds the routes to probe', () => {
    const routes = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /chats',
        'GET /chats/:chatId/messages',
        'GET /visitors/:visitorId/chats',
        'GET /sites',
        'POST /sites',
        'GET /webhooks/:webhookId/deliveries',
        'POST /webhooks/deliveries/:deliveryId/resend',
        'GET /contacts',
        'GET /contacts/:contactId',
        'POST /contacts/:contactId/merge',
        'POST /contacts/merges/:mergeId/unmerge',
        'PATCH /contacts/:contactId/notes/:noteId',
        'PATCH /contact-attributes/:attributeId',
        'PATCH /labels/:labelId',
        'DELETE /chats/:chatId/labels/:labelId',
        'DELETE /contacts/:contactId/labels/:labelId',
      ]),
    );
  });

  for (const who of ['owner of another organization', 'unassigned operator of the same organization']) {
    it(`REST: every route refuses or hides the victim's data from the ${who}`, async () => {
      const token = intruders[who]!;
      const probes = listRoutes(t.app).filter((r) => !isPublic(r));
      expect(probes.length).toBeGreaterThanOrEqual(4);
      for (const route of probes) {
        const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => victim.params[name] ?? victim.chatId);
        const { status, body } = await api(t.url, route.method, path, {
          token,
          body:
            route.method === 'GET'
              ? undefined
              : {
                  name: 'x',
                  siteId: victim.site.id,
                  chatId: victim.chatId,
                  labelId: victim.params.labelId,
                  sourceId: victim.params.contactId,
                  text: 'intrusion',
                },
        });
        const text = JSON.stringify(body ?? '');
        const secrets = who === 'owner of another organization' ? [...victim.secrets, ...victim.orgSecrets] : victim.secrets;
        for (const secret of secrets) expect(text, `${route.method} ${path} leaked ${secret}`).not.toContain(secret);
        expect([200, 201, 400, 403, 404], `${route.method} ${path}`).toContain(status);
      }
      // The victim's webhook is as it was (neither changed, rotated nor deleted).
      expect(await t.prisma.webhookSubscription.findUnique({ where: { id: victim.webhookId } })).toMatchObject({
        url: 'https://victim.example/hook',
        secretEncrypted: 'sealed-victim-secret',
        events: [],
      });
      // And nothing was written into the victim's organization.
      const organizationId = (await t.prisma.site.findUniqueOrThrow({ where: { id: victim.site.id } })).organizationId;
      expect(await t.prisma.site.count({ where: { organizationId } })).toBe(1);
      const contact = await t.prisma.contact.findUniqueOrThrow({ where: { id: victim.params.contactId } });
      expect(contact).toMatchObject({ name: 'Victim Person', blocked: false, mergedIntoId: null });
      expect(await t.prisma.contact.count({ where: { organizationId, mergedIntoId: null } })).toBe(1);
      expect(await t.prisma.contactNote.findMany({ where: { organizationId }, select: { text: true } })).toEqual([
        { text: 'victim note text' },
      ]);
      expect(await t.prisma.label.findMany({ where: { organizationId }, select: { name: true } })).toEqual([{ name: 'Victim label' }]);
      expect(await t.prisma.chatLabel.count({ where: { organizationId } })).toBe(1);
      expect(await t.prisma.contactLabel.count({ where: { organizationId } })).toBe(1);
      expect(await t.prisma.contactAttributeDefinition.count({ where: { organizationId } })).toBe(1);
      expect(await t.prisma.contactAttributeValue.count({ where: { organizationId } })).toBe(1);
      expect((await t.prisma.contactMerge.findUniqueOrThrow({ where: { id: victim.params.mergeId } })).undoneAt).toBeNull();
      // A request per route (well over a hundred): minutes on a busy machine, not the default 30 s.
    }, 180_000);

    it(`sockets: every admin event on the victim's chat is refused for the ${who}`, async () => {
      const socket = await connectAdmin(t.url, intruders[who]!);
      sockets.push(socket);
      const leaked: unknown[] = [];
      socket.onAny((event, payload) => leaked.push({ event, payload }));
      for (const event of Object.keys(adminClientEventSchemas) as (keyof typeof adminClientEventSchemas)[]) {
        // One payload that is valid for every admin event (zod drops the keys an event does not use).
        const ack = await socket.emitWithAck(
          event as 'admin:join',
          {
            chatId: victim.chatId,
            clientId: newClientId(),
            text: 'intrusion',
            seq: 1,
            afterSeq: 0,
            typing: true,
            operatorId: null,
            visitorId: victim.visitorId,
            until: new Date(Date.now() + 3_600_000).toISOString(),
          } as never,
        );
        expect(ack, event).toMatchObject({ ok: false });
        expect(['chat_not_found', 'not_found'], event).toContain((ack as { code: string }).code);
      }
      // A new message in the victim's chat reaches no intruder socket. Barrier: the victim's own
      // operator gets the (batched) inbox update, then a round trip on the intruder's socket comes
      // after anything sent to it meanwhile.
      const watcher = await connectAdmin(t.url, victim.token);
      sockets.push(watcher);
      const widget = await connectWidget(t.url, victim.site.publicId);
      const joined = (await widget.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
      const seen = nextChatUpdate(watcher, (chat) => chat.lastMessage?.text === 'another victim secret');
      await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'another victim secret' });
      widget.close();
      // Label changes (the list, a chat's, a contact's) reach no intruder either.
      const labelSeen = nextEvent(watcher, 'labels:updated', 5000, (p: { kind: string }) => p.kind === 'contact');
      await api(t.url, 'PATCH', `/labels/${victim.params.labelId}`, { token: victim.token, body: { color: '#123456' } });
      await api(t.url, 'DELETE', `/chats/${victim.chatId}/labels/${victim.params.labelId}`, { token: victim.token });
      await api(t.url, 'POST', `/chats/${victim.chatId}/labels`, { token: victim.token, body: { labelId: victim.params.labelId } });
      await api(t.url, 'POST', `/contacts/${victim.params.contactId}/labels`, {
        token: victim.token,
        body: { labelId: victim.params.labelId },
      });
      await labelSeen;
      await seen;
      await adminRoundTrip(socket);
      expect(leaked).toEqual([]);
      expect(joined.ok).toBe(true);
      expect(await t.prisma.message.count({ where: { text: 'intrusion' } })).toBe(0);
    });
  }

  it('the victim operator does get live updates (so the silence above is meaningful)', async () => {
    const socket = await connectAdmin(t.url, victim.token);
    sockets.push(socket);
    const updated = nextChatUpdate(socket);
    const widget = await connectWidget(t.url, victim.site.publicId);
    await widget.emitWithAck('visitor:join', {});
    await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello again' });
    widget.close();
    expect((await updated).siteId).toBe(victim.site.id);
  });
});

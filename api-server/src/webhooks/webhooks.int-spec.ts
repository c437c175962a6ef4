// Webhooks end to end: the real API, a real local receiver that checks signatures, the real
// pg-boss queue on the test database, a real SMTP server for the "disabled" mail.
import {
  type CreatedSiteDto,
  type MessageAckData,
  type VisitorJoinResult,
  type WebhookDeliveryDto,
  type WebhookDto,
  type WebhookWithSecretDto,
  webhookEventSchema,
} from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { api, connectAdmin, connectWidget, newClientId, ok, registerOwner } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';

/**
 * Short retries so that a test sees several attempts: delays of 0.5–1 s, then 1–2 s, capped at 2 s.
 * The timeout is short for the timeout test, yet long enough that a loaded machine's local answer
 * is never taken for one (which would be a legitimate second delivery).
 */
const FAST_WEBHOOKS = {
  // Seals the signing secrets at rest.
  AI_SECRET_KEYS: testKeyring(),
  EGRESS_ALLOW: '127.0.0.1',
  WEBHOOK_TIMEOUT_SECONDS: '3',
  WEBHOOK_RETRY_DELAY_SECONDS: '1',
  WEBHOOK_RETRY_DELAY_MAX_SECONDS: '2',
  WEBHOOK_RETRY_LIMIT: '5',
  WEBHOOK_POLL_SECONDS: '0.5',
  WEBHOOK_DISABLE_AFTER_FAILURES: '3',
  WEBHOOK_DISABLE_AFTER_HOURS: '0',
};

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

async function createWebhook(t: TestApp, token: string, body: Record<string, unknown>): Promise<WebhookWithSecretDto> {
  const { status, body: created } = await api<WebhookWithSecretDto>(t.url, 'POST', '/webhooks', { token, body });
  expect(status, JSON.stringify(created)).toBe(201);
  return created;
}

async function deliveries(t: TestApp, token: string, webhookId: string): Promise<WebhookDeliveryDto[]> {
  const { status, body } = await api<WebhookDeliveryDto[]>(t.url, 'GET', `/webhooks/${webhookId}/deliveries`, { token });
  expect(status).toBe(200);
  return body;
}

describe('webhooks', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let receiver: Receiver;
  let owner: Awaited<ReturnType<typeof registerOwner>>;
  let site: CreatedSiteDto;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startWebhookReceiver();
    t = await startTestApp({ ...FAST_WEBHOOKS, SMTP_URL: smtp.url });
    owner = await registerOwner(t.url);
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Hooked' } })).body;
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('delivers every event type once, signed, and private notes only to who asks for them', async () => {
    const all = await createWebhook(t, owner.accessToken, {
      url: receiver.url,
      events: ['chat.created', 'message.created', 'note.created', 'chat.assigned', 'chat.status_changed'],
      siteId: site.id,
    });
    const noNotes = await startWebhookReceiver();
    try {
      const messagesOnly = await createWebhook(t, owner.accessToken, { url: noNotes.url, events: ['message.created'] });
      receiver.state.secrets = [all.secret];
      noNotes.state.secrets = [messagesOnly.secret];

      const widget = await connectWidget(t.url, site.publicId);
      ok((await widget.emitWithAck('visitor:join', {})) as never) as VisitorJoinResult;
      const sent = ok(
        (await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Hello, I need help' })) as never,
      ) as MessageAckData;
      const chatId = sent.message.chatId;
      const admin = await connectAdmin(t.url, owner.accessToken);
      ok((await admin.emitWithAck('admin:join', { chatId })) as never);
      ok((await admin.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'Sure, how can I help?' })) as never);
      ok((await admin.emitWithAck('admin:note', { chatId, clientId: newClientId(), text: 'VIP customer' })) as never);
      ok((await admin.emitWithAck('chat:assign', { chatId, operatorId: owner.user.id })) as never);
      ok((await admin.emitWithAck('chat:resolve', { chatId })) as never);
      widget.close();
      admin.close();

      const expectedTypes = ['chat.created', 'message.created', 'note.created', 'chat.assigned', 'chat.status_changed'];
      await eventually(
        'every event type at the receiver',
        () => expectedTypes.every((type) => receiver.of(type).length > 0) && receiver.of('message.created').length >= 2,
        15_000,
      );
      // Every event parses with the contract's schema, is signed with the secret, and carries its id and type.
      for (const r of receiver.received) {
        expect(webhookEventSchema.parse(r.event)).toEqual(r.event);
        expect(r.signedWith).toEqual([all.secret]);
        expect(r.headers['chatiq-event-id']).toBe(r.event.id);
        expect(r.headers['chatiq-event-type']).toBe(r.event.type);
        expect(r.event.organizationId).toBe(owner.user.organizationId);
        expect(r.event.siteId).toBe(site.id);
      }
      const created = receiver.of('message.created').map((r) => r.event);
      expect(created.map((e) => (e.type === 'message.created' ? [e.data.message.authorKind, e.data.message.text] : null))).toEqual(
        expect.arrayContaining([
          ['VISITOR', 'Hello, I need help'],
          ['OPERATOR', 'Sure, how can I help?'],
        ]),
      );
      const note = receiver.of('note.created').find((r) => r.event.type === 'note.created' && r.event.data.message.text === 'VIP customer');
      expect(note).toBeDefined();
      const assigned = receiver.of('chat.assigned')[0]!.event;
      expect(assigned.type === 'chat.assigned' && assigned.data).toMatchObject({
        assignedOperatorId: owner.user.id,
        assignedBy: owner.user.id,
      });
      const status = receiver.of('chat.status_changed')[0]!.event;
      expect(status.type === 'chat.status_changed' && status.data.status).toBe('RESOLVED');
      expect(receiver.of('chat.created')[0]!.event.type === 'chat.created' && receiver.of('chat.created')[0]!.event.data).toMatchObject({
        chat: { id: chatId, siteId: site.id },
      });

      // The subscription without note.created got both visible messages and no note.
      await eventually('the visible messages at the second receiver', () => noNotes.received.length >= 2, 10_000);
      expect(noNotes.received.map((r) => r.event.type)).toEqual(['message.created', 'message.created']);
      expect(JSON.stringify(noNotes.received)).not.toContain('VIP customer');
      expect(noNotes.received.every((r) => r.signedWith.length === 1)).toBe(true);

      // Once: every job finished, and no event id arrived twice.
      await eventually('the queue drained', async () => {
        const [row] = await t.prisma.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'webhook-delivery' AND state <> 'completed'`;
        return row!.n === 0n;
      });
      const ids = receiver.received.map((r) => r.event.id);
      expect(new Set(ids).size).toBe(ids.length);
      const log = await deliveries(t, owner.accessToken, all.webhook.id);
      expect(log.length).toBe(ids.length);
      expect(log.every((d) => d.delivered && d.responseStatus === 200 && d.attempt === 1)).toBe(true);
      await api(t.url, 'DELETE', `/webhooks/${messagesOnly.webhook.id}`, { token: owner.accessToken });
    } finally {
      await noNotes.close();
    }
    await api(t.url, 'DELETE', `/webhooks/${all.webhook.id}`, { token: owner.accessToken });
  });

  it('retries a 500 and a timeout with growing delays, with the same event id, until a 2xx', async () => {
    const hook = await createWebhook(t, owner.accessToken, { url: receiver.url, events: ['message.created'] });
    receiver.state.secrets = [hook.secret];
    receiver.state.answer = (_event, n) => (n === 0 ? 500 : n === 1 ? 'hang' : 200);
    const { status, body } = await api<{ eventId: string }>(t.url, 'POST', `/webhooks/${hook.webhook.id}/test`, {
      token: owner.accessToken,
    });
    expect(status).toBe(202);
    const log = await eventually(
      'three attempts logged',
      async () => {
        const rows = await deliveries(t, owner.accessToken, hook.webhook.id);
        return rows.length >= 3 && rows;
      },
      20_000,
    );
    const attempts = receiver.received.filter((r) => r.event.id === body.eventId);
    expect(attempts.map((a) => a.answer)).toEqual([500, 'hang', 200]);
    expect(attempts.every((a) => a.event.type === 'webhook.test' && a.signedWith.length === 1)).toBe(true);
    // Backoff: each retry waited (at least half of the configured delay, jitter included).
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(450);
    expect(attempts[2]!.receivedAt - attempts[1]!.receivedAt).toBeGreaterThanOrEqual(3000 + 450);
    const oldestFirst = [...log].reverse();
    expect(oldestFirst.map((d) => [d.attempt, d.responseStatus, d.error, d.delivered])).toEqual([
      [1, 500, 'HTTP 500', false],
      [2, null, 'No answer within 3 s', false],
      [3, 200, null, true],
    ]);
    expect(oldestFirst.every((d) => d.eventId === body.eventId && d.requestBodyExcerpt.includes(body.eventId))).toBe(true);
    const after = (await api<WebhookDto>(t.url, 'GET', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken })).body;
    expect(after).toMatchObject({ enabled: true, consecutiveFailures: 0 });

    // Re-send the delivered event: the same event id arrives again.
    receiver.state.answer = () => 200;
    const resent = await api<{ eventId: string }>(t.url, 'POST', `/webhooks/deliveries/${oldestFirst[2]!.id}/resend`, {
      token: owner.accessToken,
    });
    expect(resent).toMatchObject({ status: 202, body: { eventId: body.eventId } });
    await eventually('the re-sent event', () => receiver.received.filter((r) => r.event.id === body.eventId).length === 4, 10_000);
    await api(t.url, 'DELETE', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken });
  });

  it('signs with both secrets while a rotated one is still valid, then with the new one only', async () => {
    const hook = await createWebhook(t, owner.accessToken, { url: receiver.url, events: ['message.created'] });
    receiver.state.answer = () => 200;
    const rotated = (
      await api<WebhookWithSecretDto>(t.url, 'POST', `/webhooks/${hook.webhook.id}/rotate-secret`, { token: owner.accessToken, body: {} })
    ).body;
    expect(rotated.secret).not.toBe(hook.secret);
    expect(rotated.webhook.previousSecretExpiresAt).not.toBeNull();
    // A receiver that knows either secret accepts the request.
    receiver.state.secrets = [rotated.secret, hook.secret];
    const first = (await api<{ eventId: string }>(t.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken })).body;
    const during = await eventually('the test event', () => receiver.received.find((r) => r.event.id === first.eventId), 10_000);
    expect(during.signedWith).toEqual([rotated.secret, hook.secret]);

    const again = (
      await api<WebhookWithSecretDto>(t.url, 'POST', `/webhooks/${hook.webhook.id}/rotate-secret`, {
        token: owner.accessToken,
        body: { previousSecretValidSeconds: 0 },
      })
    ).body;
    receiver.state.secrets = [again.secret, rotated.secret, hook.secret];
    const second = (await api<{ eventId: string }>(t.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken })).body;
    const after = await eventually('the second test event', () => receiver.received.find((r) => r.event.id === second.eventId), 10_000);
    expect(after.signedWith).toEqual([again.secret]);
    // The secret is never shown again.
    const listed = await api(t.url, 'GET', '/webhooks', { token: owner.accessToken });
    expect(JSON.stringify(listed.body)).not.toContain(again.secret);
    // At rest, the raw row holds both secrets sealed only (rotate once more to keep a previous one).
    const last = (
      await api<WebhookWithSecretDto>(t.url, 'POST', `/webhooks/${hook.webhook.id}/rotate-secret`, { token: owner.accessToken, body: {} })
    ).body;
    const [raw] = await t.prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "WebhookSubscription" WHERE id = ${hook.webhook.id}`;
    const rawText = JSON.stringify(raw);
    for (const secret of [last.secret, again.secret, rotated.secret, hook.secret]) {
      expect(rawText).not.toContain(secret);
      expect(rawText).not.toContain(secret.slice('whsec_'.length));
    }
    expect(raw).toMatchObject({
      secretEncrypted: expect.stringMatching(/^v1\.k1\./),
      previousSecretEncrypted: expect.stringMatching(/^v1\.k1\./),
    });
    await api(t.url, 'DELETE', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken });
  });

  it('disables a subscription after a run of failures and mails the owners', async () => {
    const failing = await startWebhookReceiver();
    try {
      failing.state.answer = () => 503;
      const hook = await createWebhook(t, owner.accessToken, { url: failing.url, events: ['message.created'] });
      await api(t.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken });
      const mails = await eventually(
        'the mail to the owner',
        () => smtp.to(owner.user.email).length > 0 && smtp.to(owner.user.email),
        20_000,
      );
      expect(mails[0]!.subject).toBe('ChatIQ: a webhook was disabled');
      expect(mails[0]!.text).toContain(failing.url);
      const after = (await api<WebhookDto>(t.url, 'GET', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken })).body;
      expect(after.enabled).toBe(false);
      expect(after.disabledAt).not.toBeNull();
      expect(after.consecutiveFailures).toBe(3);
      expect((await deliveries(t, owner.accessToken, hook.webhook.id)).map((d) => d.responseStatus)).toEqual([503, 503, 503]);
      // A test event to a disabled subscription is refused; enabling it starts the count again.
      expect((await api(t.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken })).status).toBe(400);
      const enabled = await api<WebhookDto>(t.url, 'PATCH', `/webhooks/${hook.webhook.id}`, {
        token: owner.accessToken,
        body: { enabled: true },
      });
      expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
      await api(t.url, 'DELETE', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken });
    } finally {
      await failing.close();
    }
  });

  it('refuses a URL that leads to a non-public address when it is saved', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/hook', 'http://[::1]:8080/hook']) {
      const { status, body } = await api<{ code: string }>(t.url, 'POST', '/webhooks', {
        token: owner.accessToken,
        body: { url, events: ['message.created'] },
      });
      expect([status, body.code], url).toEqual([422, 'egress_refused']);
    }
    const hook = await createWebhook(t, owner.accessToken, { url: receiver.url, events: ['message.created'] });
    const patched = await api<{ code: string }>(t.url, 'PATCH', `/webhooks/${hook.webhook.id}`, {
      token: owner.accessToken,
      body: { url: 'http://192.168.0.1/hook' },
    });
    expect([patched.status, patched.body.code]).toEqual([422, 'egress_refused']);
    expect(await t.prisma.webhookSubscription.count({ where: { url: { contains: '192.168' } } })).toBe(0);
    await api(t.url, 'DELETE', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken });
  });

  it('hides other organizations\u2019 webhooks (404)', async () => {
    const hook = await createWebhook(t, owner.accessToken, { url: receiver.url, events: ['message.created'] });
    const other = await registerOwner(t.url);
    expect((await api(t.url, 'GET', `/webhooks/${hook.webhook.id}`, { token: other.accessToken })).status).toBe(404);
    expect((await api<unknown[]>(t.url, 'GET', '/webhooks', { token: other.accessToken })).body).toEqual([]);
    await api(t.url, 'DELETE', `/webhooks/${hook.webhook.id}`, { token: owner.accessToken });
  });
});

describe('webhooks: the egress guard on every attempt', () => {
  it('refuses at delivery a URL that was allowed when it was saved (EGRESS_ALLOW changed since)', async () => {
    const receiver = await startWebhookReceiver();
    const first = await startTestApp(FAST_WEBHOOKS);
    let second: TestApp | undefined;
    try {
      const owner = await registerOwner(first.url);
      const hook = await createWebhook(first, owner.accessToken, { url: receiver.url, events: ['message.created'] });
      // Delivered while loopback is allowed…
      const allowed = (await api<{ eventId: string }>(first.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken }))
        .body;
      await eventually('the first test event', () => receiver.received.some((r) => r.event.id === allowed.eventId), 10_000);
      await first.app.close();
      // …refused by the next server over the same database, which no longer allows it.
      second = await startTestApp({ ...FAST_WEBHOOKS, EGRESS_ALLOW: '', WEBHOOK_RETRY_LIMIT: '0' }, { databaseUrl: first.databaseUrl });
      const refused = (
        await api<{ eventId: string }>(second.url, 'POST', `/webhooks/${hook.webhook.id}/test`, { token: owner.accessToken })
      ).body;
      const log = await eventually(
        'the refused attempt logged',
        async () => (await deliveries(second!, owner.accessToken, hook.webhook.id)).find((d) => d.eventId === refused.eventId),
        10_000,
      );
      expect(log).toMatchObject({ delivered: false, responseStatus: null, error: 'The destination is not a public address' });
      // The log row is written after the attempt ended: nothing reached the receiver.
      expect(receiver.received.filter((r) => r.event.id === refused.eventId)).toEqual([]);
    } finally {
      await second?.close();
      await first.close().catch(() => undefined);
      await receiver.close();
    }
  });
});

describe('webhooks: without AI_SECRET_KEYS', () => {
  it('refuses to create a webhook, since its secret could not be sealed', async () => {
    const { AI_SECRET_KEYS: _none, ...withoutKeyring } = FAST_WEBHOOKS;
    const bare = await startTestApp(withoutKeyring);
    try {
      const owner = await registerOwner(bare.url);
      const { status, body } = await api<{ code: string }>(bare.url, 'POST', '/webhooks', {
        token: owner.accessToken,
        body: { url: 'http://127.0.0.1:9/hook', events: ['message.created'] },
      });
      expect(status).toBe(409);
      expect(body.code).toBe('webhooks_not_configured');
      expect(await bare.prisma.webhookSubscription.count()).toBe(0);
    } finally {
      await bare.close();
    }
  });
});

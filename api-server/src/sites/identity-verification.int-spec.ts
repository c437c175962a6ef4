// Identity verification (`chtq.setUser`): each site's secret over REST (tenant wall, rotation,
// lazily created for old sites), and `visitor:identify` with a user id and its HMAC over a real
// socket.io-client: a valid hash is stored and shown to operators, every wrong one is refused
// with identity_invalid and changes nothing. The server logs at trace, and no line holds a secret.

import { createHmac, randomBytes } from 'node:crypto';
import type {
  Ack,
  ChatSummaryDto,
  CreatedSiteDto,
  ErrorBody,
  IdentitySecretDto,
  SiteDetailDto,
  SiteDto,
  VisitorIdentifyAck,
  VisitorIdentifyPayload,
} from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { captureOutput, type OutputCapture } from '../../test/support/log-capture.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import type { Role } from '../generated/prisma/client.js';

/** What the host site's server computes (the documented recipe, independent of the server's code). */
const hmac = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

let logs: OutputCapture;
// Captured for the whole file: the server logs at trace, and a secret must be in no line.
beforeAll(() => {
  logs = captureOutput();
});
afterAll(() => {
  logs?.restore();
});

describe('identity verification', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let admin: string;
  let operator: { id: string; token: string };
  let stranger: string;
  const sockets: WidgetSocket[] = [];
  /** Every secret handed out, to scan responses and logs for. */
  const secrets: string[] = [];
  /** Every REST body seen besides the identity-secret routes' own. */
  const otherResponses: unknown[] = [];

  async function member(role: Role): Promise<{ id: string; token: string }> {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@identity.example`;
    const user = await createUser(t.prisma, {
      organizationId,
      email,
      password: 'correct-horse-battery',
      name: email,
      role,
      bcryptRounds: 4,
    });
    const login = await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', { body: { email, password: 'correct-horse-battery' } });
    return { id: user.id, token: login.body.accessToken };
  }

  async function newSite(name = 'Shop'): Promise<CreatedSiteDto> {
    const created = await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name } });
    expect(created.status).toBe(201);
    otherResponses.push(created.body);
    return created.body;
  }

  async function secretOf(siteId: string, token = owner): Promise<string> {
    const { status, body } = await api<IdentitySecretDto>(t.url, 'GET', `/sites/${siteId}/identity-secret`, { token });
    expect(status).toBe(200);
    secrets.push(body.secret);
    return body.secret;
  }

  /** A joined widget of `site` whose visitor has an open chat (so operators see them). */
  async function visitorWithChat(site: CreatedSiteDto) {
    const widget = await connectWidget(t.url, site.publicId);
    sockets.push(widget);
    const joined = ok(await widget.emitWithAck('visitor:join', {}));
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'Hello' }));
    return { widget, visitorId: joined.visitorId, chatId: message.chatId };
  }

  const identify = (widget: WidgetSocket, payload: VisitorIdentifyPayload) =>
    widget.emitWithAck('visitor:identify', payload) as Promise<Ack<VisitorIdentifyAck>>;

  const visitorRow = (id: string) =>
    t.prisma.visitor.findUniqueOrThrow({
      where: { id },
      select: { name: true, email: true, externalUserId: true, identityVerifiedAt: true },
    });

  async function chatSummary(chatId: string): Promise<ChatSummaryDto> {
    const list = await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: owner });
    expect(list.status).toBe(200);
    otherResponses.push(list.body);
    const chat = list.body.find((c) => c.id === chatId);
    if (!chat) throw new Error(`chat ${chatId} not listed`);
    return chat;
  }

  beforeAll(async () => {
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), LOG_LEVEL: 'trace' });
    const registered = await registerOwner(t.url, `identity-${randomBytes(3).toString('hex')}`);
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    admin = (await member('ADMIN')).token;
    operator = await member('OPERATOR');
    stranger = (await registerOwner(t.url)).accessToken;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  it('gives every new site a secret, sealed at rest, the same on every read, for owners and admins', async () => {
    const site = await newSite();
    const stored = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(stored.identitySecretEncrypted).toMatch(/^v1\.k1\./);

    const secret = await secretOf(site.id);
    expect(secret).toMatch(/^idsec_[A-Za-z0-9_-]{43}$/);
    expect(stored.identitySecretEncrypted).not.toContain(secret.slice(6));
    expect(await secretOf(site.id)).toBe(secret);
    expect(await secretOf(site.id, admin)).toBe(secret);
    expect(await secretOf((await newSite('Other')).id)).not.toBe(secret);
  });

  it('keeps the secret behind the tenant wall: another organization 404, an operator 403 (assigned) or 404', async () => {
    const site = await newSite();
    const before = (await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).identitySecretEncrypted;
    const probe = (method: 'GET' | 'POST', path: string, token: string) =>
      api<ErrorBody>(t.url, method, `/sites/${site.id}/${path}`, { token });

    for (const [method, path] of [
      ['GET', 'identity-secret'],
      ['POST', 'rotate-identity-secret'],
    ] as const) {
      expect(await probe(method, path, stranger)).toMatchObject({ status: 404, body: { code: 'site_not_found' } });
      expect(await probe(method, path, operator.token)).toMatchObject({ status: 404, body: { code: 'site_not_found' } });
    }
    await t.prisma.siteUser.create({ data: { organizationId, siteId: site.id, userId: operator.id } });
    for (const [method, path] of [
      ['GET', 'identity-secret'],
      ['POST', 'rotate-identity-secret'],
    ] as const) {
      const refused = await probe(method, path, operator.token);
      expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
      expect(JSON.stringify(refused.body)).not.toMatch(/idsec_/);
    }
    expect(await api(t.url, 'GET', `/sites/${site.id}/identity-secret`)).toMatchObject({ status: 401 });
    // Nobody but the owner and admins changed it.
    expect((await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).identitySecretEncrypted).toBe(before);
  });

  it('creates the secret on first reveal for a site that has none (made before it existed), once under a race', async () => {
    const site = await newSite('Old site');
    await t.prisma.site.update({ where: { id: site.id }, data: { identitySecretEncrypted: null } });
    const { visitorId, widget } = await visitorWithChat(site);
    // No secret yet: no hash can match, and verifying creates nothing.
    const early = await identify(widget, { userId: 'u-1', userHash: hmac('guess', 'u-1') });
    expect(early).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect((await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).identitySecretEncrypted).toBeNull();

    const reveals = await Promise.all(
      Array.from({ length: 4 }, () => api<IdentitySecretDto>(t.url, 'GET', `/sites/${site.id}/identity-secret`, { token: owner })),
    );
    const revealed = new Set(reveals.map((r) => r.body.secret));
    secrets.push(...revealed);
    expect(reveals.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(revealed.size).toBe(1);
    const [secret] = [...revealed] as [string];
    expect(ok(await identify(widget, { userId: 'u-1', userHash: hmac(secret, 'u-1') }))).toEqual({ verified: true });
    expect((await visitorRow(visitorId)).externalUserId).toBe('u-1');
  });

  it('verifies a valid hash: stores the user id, name and email, acks verified, and operators see it', async () => {
    const site = await newSite();
    const secret = await secretOf(site.id);
    const { widget, visitorId, chatId } = await visitorWithChat(site);
    const before = new Date();

    const ack = await identify(widget, {
      userId: ' customer-42 ',
      userHash: hmac(secret, 'customer-42').toUpperCase(),
      name: 'Olha',
      email: 'Olha@Example.com',
    });
    expect(ok(ack)).toEqual({ verified: true });

    const row = await visitorRow(visitorId);
    expect(row).toMatchObject({ name: 'Olha', email: 'olha@example.com', externalUserId: 'customer-42' });
    expect(row.identityVerifiedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const summary = await chatSummary(chatId);
    expect(summary.visitor).toMatchObject({ name: 'Olha', externalUserId: 'customer-42', identityVerified: true });
  });

  it('refuses a wrong hash, a hash of another user id and a hash made with another site’s secret, storing nothing', async () => {
    const site = await newSite();
    const secret = await secretOf(site.id);
    const otherSecret = await secretOf((await newSite('Elsewhere')).id);
    const { widget, visitorId, chatId } = await visitorWithChat(site);
    ok(await identify(widget, { name: 'Anonymous Ann' }));
    const before = await visitorRow(visitorId);

    for (const userHash of [
      randomBytes(32).toString('hex'),
      hmac(secret, 'customer-43'),
      hmac(otherSecret, 'customer-42'),
      hmac(secret, 'customer-42 '), // the payload's user id is trimmed; the hash must be of what is verified
    ]) {
      const ack = await identify(widget, { userId: 'customer-42', userHash, name: 'Mallory', email: 'mallory@example.com' });
      expect(ack).toMatchObject({ ok: false, code: 'identity_invalid' });
      expect(JSON.stringify(ack)).not.toContain(secret);
    }
    expect(await visitorRow(visitorId)).toEqual(before);
    expect((await chatSummary(chatId)).visitor).toMatchObject({ name: 'Anonymous Ann', externalUserId: null, identityVerified: false });
    // Still the same socket: it works on with a right hash.
    expect(ok(await identify(widget, { userId: 'customer-42', userHash: hmac(secret, 'customer-42') }))).toEqual({ verified: true });
  });

  it('keeps name and email without a user id as before (not verified), and a user id needs its hash', async () => {
    const site = await newSite();
    const { widget, visitorId } = await visitorWithChat(site);
    expect(ok(await identify(widget, { name: 'Petro', email: 'petro@example.com' }))).toEqual({ verified: false });
    expect(await visitorRow(visitorId)).toEqual({
      name: 'Petro',
      email: 'petro@example.com',
      externalUserId: null,
      identityVerifiedAt: null,
    });
    const noHash = await identify(widget, { userId: 'u-1', name: 'X' } as VisitorIdentifyPayload);
    expect(noHash).toMatchObject({ ok: false, code: 'validation_failed' });
    expect((await visitorRow(visitorId)).name).toBe('Petro');
  });

  it('rotation invalidates hashes made with the old secret, also on widgets already connected', async () => {
    const site = await newSite();
    const old = await secretOf(site.id);
    const { widget, visitorId } = await visitorWithChat(site);
    expect(ok(await identify(widget, { userId: 'u-7', userHash: hmac(old, 'u-7') }))).toEqual({ verified: true });

    const rotated = await api<IdentitySecretDto>(t.url, 'POST', `/sites/${site.id}/rotate-identity-secret`, { token: admin });
    expect(rotated.status).toBe(201);
    secrets.push(rotated.body.secret);
    expect(rotated.body.secret).not.toBe(old);
    expect(await secretOf(site.id)).toBe(rotated.body.secret);

    const stale = await identify(widget, { userId: 'u-8', userHash: hmac(old, 'u-8') });
    expect(stale).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect((await visitorRow(visitorId)).externalUserId).toBe('u-7');
    expect(ok(await identify(widget, { userId: 'u-8', userHash: hmac(rotated.body.secret, 'u-8') }))).toEqual({ verified: true });
    expect((await visitorRow(visitorId)).externalUserId).toBe('u-8');
  });

  it('binds the sealed secret to its site: copied into another site’s row it opens nowhere', async () => {
    const source = await newSite('Source');
    const target = await newSite('Target');
    const secret = await secretOf(source.id);
    const sealed = (await t.prisma.site.findUniqueOrThrow({ where: { id: source.id } })).identitySecretEncrypted;
    await t.prisma.site.update({ where: { id: target.id }, data: { identitySecretEncrypted: sealed } });
    const { widget } = await visitorWithChat(target);
    expect(await identify(widget, { userId: 'u', userHash: hmac(secret, 'u') })).toMatchObject({ ok: false, code: 'identity_invalid' });
    const reveal = await api<ErrorBody>(t.url, 'GET', `/sites/${target.id}/identity-secret`, { token: owner });
    expect(reveal).toMatchObject({ status: 409, body: { code: 'identity_not_configured' } });
    // Rotating gives the site a working secret again.
    const fresh = await api<IdentitySecretDto>(t.url, 'POST', `/sites/${target.id}/rotate-identity-secret`, { token: owner });
    secrets.push(fresh.body.secret);
    expect(ok(await identify(widget, { userId: 'u', userHash: hmac(fresh.body.secret, 'u') }))).toEqual({ verified: true });
  });

  it('never shows a secret in any other response or any log line', async () => {
    const sites = await api<SiteDto[]>(t.url, 'GET', '/sites', { token: owner });
    otherResponses.push(sites.body);
    for (const site of sites.body) {
      otherResponses.push((await api<SiteDetailDto>(t.url, 'GET', `/sites/${site.id}`, { token: owner })).body);
      otherResponses.push(
        (await api<SiteDetailDto>(t.url, 'PATCH', `/sites/${site.id}`, { token: owner, body: { name: site.name } })).body,
      );
    }
    expect(secrets.length).toBeGreaterThan(8);
    const responses = JSON.stringify(otherResponses);
    expect(responses).not.toMatch(/idsec_|identitySecret/);
    const output = logs.text();
    expect(output.length).toBeGreaterThan(1000); // the capture did see the server's trace logs
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(6, 30));
    }
  });
});

describe('identity verification without a keyring', () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
  });

  it('still creates sites; the secret cannot be revealed (409) and no user id is verified', async () => {
    t = await startTestApp();
    const owner = (await registerOwner(t.url)).accessToken;
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'No keyring' } })).body;
    expect((await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).identitySecretEncrypted).toBeNull();
    expect(await api<ErrorBody>(t.url, 'GET', `/sites/${site.id}/identity-secret`, { token: owner })).toMatchObject({
      status: 409,
      body: { code: 'identity_not_configured' },
    });
    expect(await api<ErrorBody>(t.url, 'POST', `/sites/${site.id}/rotate-identity-secret`, { token: owner })).toMatchObject({
      status: 409,
      body: { code: 'identity_not_configured' },
    });
    const widget = await connectWidget(t.url, site.publicId);
    try {
      const { visitorId } = ok(await widget.emitWithAck('visitor:join', {}));
      const ack = await widget.emitWithAck('visitor:identify', { userId: 'u', userHash: 'a'.repeat(64), name: 'N' });
      expect(ack).toMatchObject({ ok: false, code: 'identity_invalid' });
      expect(await t.prisma.visitor.findUniqueOrThrow({ where: { id: visitorId } })).toMatchObject({ name: null, externalUserId: null });
    } finally {
      widget.close();
    }
  });
});

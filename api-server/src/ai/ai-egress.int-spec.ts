// SSRF: the AI base URL is a URL the tenant controls. Saving it makes the API call it with the
// tenant's key, so every form of a local, private or special address is refused before anything
// is sent (a listener on loopback counts the connections it accepted: none), with one answer
// whatever the target (so ports cannot be mapped), redirects are checked hop by hop, EGRESS_ALLOW
// opens exactly what it names, and nothing a server answers is repeated to the admin.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AiDonePayload, AiSettingsDto, CreatedSiteDto, ErrorBody, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiSite, putAiSettings, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok, registerOwner } from '../../test/support/clients.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { freshDatabase, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADDRESS_REFUSED_MESSAGE } from './ai-errors.js';

/** What an internal service might say: it must never reach the admin, the database or a visitor. */
const SECRET = 'INTERNAL-SERVICE-BODY postgres://admin:hunter2@10.0.0.5';

type Listener = { port: number; connections: number; requests: string[]; close: () => Promise<void> };

/** An HTTP server that counts the TCP connections it accepts; on `::` (IPv4 too) when the host has IPv6. */
async function listener(handler: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1'): Promise<Listener> {
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  const state = {
    port: 0,
    connections: 0,
    requests: [] as string[],
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host, ipv6Only: false }, resolve);
  });
  state.port = (server.address() as AddressInfo).port;
  return state;
}

async function dualStackListener(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  return listener(handler, '::').catch(() => listener(handler));
}

const leak = (res: ServerResponse, status: number) =>
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { message: SECRET, type: SECRET, code: 'internal_x' } }));

async function closedPort(): Promise<number> {
  const probe = await listener(() => {});
  await probe.close();
  return probe.port;
}

describe('AI base URL egress guard (SSRF)', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  /** An internal service on loopback that EGRESS_ALLOW does not name: must never be reached. */
  let internal: Listener;
  /** Allowed: answers every request with a redirect to the internal service. */
  let redirector: Listener;
  /** Allowed: a server whose error bodies carry internal details. */
  let leaky: Listener & { mode: 'ok' | 'leak' };
  let token: string;
  const apiKey = testApiKey();

  const newSite = async () => (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey });
    internal = await dualStackListener((_req, res) => leak(res, 401));
    redirector = await listener((req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${internal.port}${req.url}` }).end();
    });
    const leakyListener = await listener((req, res) => {
      if (leaky.mode === 'leak') return leak(res, req.method === 'GET' ? 401 : 500);
      // Good enough for both key checks: GET /v1/models (a list) and GET /v1/models/:id (a model).
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data: [], id: 'gpt-4.1-mini', created: 0, owned_by: 'x' }));
    });
    leaky = Object.assign(leakyListener, { mode: 'ok' as 'ok' | 'leak' });
    t = await startTestApp({
      AI_SECRET_KEYS: testKeyring(),
      AI_TIMEOUT_SECONDS: '2',
      EGRESS_ALLOW: `${fake.egressAllow}, 127.0.0.1:${redirector.port}, 127.0.0.1:${leaky.port}`,
    });
    token = (await registerOwner(t.url)).accessToken;
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([fake?.close(), internal?.close(), redirector?.close(), leaky?.close()]);
  });

  it('refuses every form of a local, private or special address at save, sending nothing, saving nothing, one answer for all', async () => {
    const p = internal.port;
    const closed = await closedPort();
    const urls = [
      `http://127.0.0.1:${p}/v1`,
      `http://localhost:${p}/v1`,
      `http://[::1]:${p}/v1`,
      `http://[::ffff:127.0.0.1]:${p}/v1`,
      `http://[::ffff:7f00:1]:${p}/v1`,
      `http://2130706433:${p}/v1`,
      `http://0x7f000001:${p}/v1`,
      `http://0177.0.0.1:${p}/v1`,
      `http://127.1:${p}/v1`,
      `http://0.0.0.0:${p}/v1`,
      `https://127.0.0.1:${p}/v1`,
      `http://[64:ff9b::7f00:1]:${p}/v1`,
      `http://[2002:7f00:1::1]:${p}/v1`,
      // Other ports of the same host: closed, the database's, an allowed server's port on another loopback address.
      `http://127.0.0.1:${closed}/v1`,
      'http://127.0.0.1:5432/v1',
      `http://127.0.0.2:${fake.egressAllow.split(':')[1]}/v1`,
      // Cloud metadata, private networks, CGNAT, unique-local IPv6.
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:169.254.169.254]/v1',
      `http://10.0.0.1:${p}/v1`,
      `http://192.168.0.1:${p}/v1`,
      `http://172.16.0.1:${p}/v1`,
      'http://100.64.0.1/v1',
      `http://[fd00::1]:${p}/v1`,
      'http://[fe80::1]/v1',
      'http://224.0.0.1/v1',
      'http://255.255.255.255/v1',
    ];
    const site = await newSite();
    const answers: unknown[] = [];
    for (const baseUrl of urls) {
      const refused = await putAiSettings(t.url, token, site.id, { apiKey, baseUrl });
      expect(refused.status, baseUrl).toBe(422);
      expect(refused.body, baseUrl).toEqual({
        code: 'egress_refused',
        message: ADDRESS_REFUSED_MESSAGE,
        issues: [{ path: ['baseUrl'], message: ADDRESS_REFUSED_MESSAGE }],
      });
      answers.push(refused.body);
    }
    // The refusals are the barrier: each came back without a connection, so none is still under way.
    expect(internal.connections).toBe(0);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await t.prisma.aiSettings.count({ where: { siteId: site.id } })).toBe(0);
  });

  it('refuses a redirect from an allowed server to a refused address', async () => {
    const site = await newSite();
    const refused = await putAiSettings(t.url, token, site.id, { apiKey, baseUrl: `http://127.0.0.1:${redirector.port}/v1` });
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).code).toBe('egress_refused');
    expect(redirector.requests).toEqual(['GET /v1/models/gpt-4.1-mini']);
    expect(internal.connections).toBe(0);
  });

  it('works end to end with the address EGRESS_ALLOW names', async () => {
    const ai = await aiSite(t.url, fake, apiKey);
    expect(ai.settings).toMatchObject({ status: 'ok', baseUrl: fake.url });
    fake.script({ kind: 'answer', text: 'Allowed and answering.' });
    const widget = await connectWidget(t.url, ai.site.publicId);
    try {
      const events = record(widget);
      ok(await widget.emitWithAck('visitor:join', {}));
      ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello?' }));
      expect((await events.waitFor<AiDonePayload>('ai:done')).message.text).toBe('Allowed and answering.');
    } finally {
      widget.close();
    }
  });

  it('repeats nothing a server answered: not at save, not in the stored status, not to operators or visitors', async () => {
    const baseUrl = `http://127.0.0.1:${leaky.port}/v1`;
    leaky.mode = 'leak';
    const site = await newSite();
    const rejected = await putAiSettings(t.url, token, site.id, { apiKey, baseUrl });
    expect(rejected).toEqual({ status: 422, body: { code: 'ai_key_rejected', message: 'The AI server rejected the API key (401)' } });

    // Accepted while it behaves, then it starts leaking: a check and an answer record the failure.
    leaky.mode = 'ok';
    expect((await putAiSettings(t.url, token, site.id, { apiKey, baseUrl, backend: 'chat_completions' })).status).toBe(200);
    leaky.mode = 'leak';
    const checked = await api<AiSettingsDto>(t.url, 'POST', `/sites/${site.id}/ai/check`, { token });
    expect(checked.body).toMatchObject({ status: 'invalid_key', statusMessage: 'The AI server rejected the API key (401)' });

    const widget = await connectWidget(t.url, site.publicId);
    try {
      const events = record(widget);
      ok(await widget.emitWithAck('visitor:join', {}));
      const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello?' }));
      await events.waitFor('ai:handoff');
      await events.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM');
      const stored = await api<AiSettingsDto>(t.url, 'GET', `/sites/${site.id}/ai`, { token });
      expect(stored.body).toMatchObject({ status: 'error', statusMessage: 'The AI server failed (500)' });
      const transitions = await api(t.url, 'GET', `/chats/${message.chatId}/transitions`, { token });
      const everything = JSON.stringify([rejected, checked.body, stored.body, transitions.body, events.events]);
      expect(everything).not.toContain('INTERNAL-SERVICE-BODY');
      expect(everything).not.toContain('hunter2');
      expect(everything).not.toContain('internal_x');
      expect(JSON.stringify(await t.prisma.chatTransition.findMany({ where: { chatId: message.chatId } }))).not.toContain('INTERNAL');
    } finally {
      widget.close();
    }
  });
});

describe('an allowed address that is no longer allowed', () => {
  it('is refused by the check and when answering, with the same text; the chat goes to people', async () => {
    const apiKey = testApiKey();
    const fake = await startFakeOpenAi({ apiKey });
    const keyring = testKeyring();
    const db = await freshDatabase();
    let t = await startTestApp({ AI_SECRET_KEYS: keyring, EGRESS_ALLOW: fake.egressAllow }, { databaseUrl: db.url });
    try {
      const ai = await aiSite(t.url, fake, apiKey);
      await t.close();
      // The same database, restarted without EGRESS_ALLOW.
      t = await startTestApp({ AI_SECRET_KEYS: keyring }, { databaseUrl: db.url });
      const before = fake.requests.length;
      const checked = await api<AiSettingsDto>(t.url, 'POST', `/sites/${ai.site.id}/ai/check`, { token: ai.token });
      expect(checked.body).toMatchObject({ status: 'error', statusMessage: ADDRESS_REFUSED_MESSAGE });

      const widget = await connectWidget(t.url, ai.site.publicId);
      try {
        const events = record(widget);
        ok(await widget.emitWithAck('visitor:join', {}));
        ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello?' }));
        expect(await events.waitFor('ai:handoff')).toMatchObject({ reason: 'ai_error' });
      } finally {
        widget.close();
      }
      expect(fake.requests.length).toBe(before);
    } finally {
      await t.close();
      await fake.close();
      await db.drop();
    }
  });
});

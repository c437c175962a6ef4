// Per-site AI settings over REST: defaults, the key checked on save (refusals save nothing), the
// key sealed at rest and never returned, validation, roles, the keyring missing, and a keyring
// rotation across restarts of the API over the same database.
import type { AiSettingsDto, CreatedSiteDto, ErrorBody } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { aiSite, putAiSettings, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok, registerOwner } from '../../test/support/clients.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { freshDatabase, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { SecretBox } from '../common/secret-box/secret-box.js';

describe('AI settings', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let token: string;
  let organizationId: string;
  const keyring = testKeyring();
  const apiKey = testApiKey();
  const responses: unknown[] = [];

  const newSite = async () => (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body;
  const put = async (siteId: string, body: Parameters<typeof putAiSettings>[3]) => {
    const response = await putAiSettings(t.url, token, siteId, body);
    responses.push(response.body);
    return response;
  };
  const get = async (siteId: string) => {
    const response = await api<AiSettingsDto>(t.url, 'GET', `/sites/${siteId}/ai`, { token });
    responses.push(response.body);
    return response;
  };

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey, vectorStores: ['vs_faq'], models: ['gpt-4.1-mini', 'gpt-4.1'] });
    t = await startTestApp({ AI_SECRET_KEYS: keyring, EGRESS_ALLOW: fake.egressAllow });
    const owner = await registerOwner(t.url);
    token = owner.accessToken;
    organizationId = owner.user.organizationId;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('shows the defaults while nothing is stored', async () => {
    const site = await newSite();
    expect((await get(site.id)).body).toEqual({
      enabled: false,
      apiKeyLast4: null,
      baseUrl: null,
      backend: 'responses',
      model: 'gpt-4.1-mini',
      instructions: '',
      vectorStoreIds: [],
      maxOutputTokens: 1024,
      dailyTokenCap: 1_000_000,
      chatTokenCap: 50_000,
      autoResolveAfterMinutes: 30,
      status: 'unverified',
      statusMessage: null,
      statusCheckedAt: null,
    });
  });

  it('checks the key with the provider and stores it sealed for this site; only the last 4 come back', async () => {
    const site = await newSite();
    const saved = await put(site.id, {
      apiKey,
      baseUrl: `${fake.url}/`,
      model: 'gpt-4.1',
      instructions: 'Be brief.',
      vectorStoreIds: ['vs_faq'],
      maxOutputTokens: 300,
      dailyTokenCap: 20_000,
      chatTokenCap: 5_000,
      autoResolveAfterMinutes: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      enabled: true,
      apiKeyLast4: apiKey.slice(-4),
      baseUrl: fake.url,
      model: 'gpt-4.1',
      vectorStoreIds: ['vs_faq'],
      maxOutputTokens: 300,
      dailyTokenCap: 20_000,
      chatTokenCap: 5_000,
      autoResolveAfterMinutes: null,
      status: 'ok',
      statusMessage: null,
    });
    // The cheap authenticated calls: the model, then each vector store.
    const checks = fake.requests.slice(-2).map((r) => `${r.method} ${r.path}`);
    expect(checks).toEqual(['GET /v1/models/gpt-4.1', 'GET /v1/vector_stores/vs_faq']);
    expect(fake.requests.at(-1)!.authorization).toBe(`Bearer ${apiKey}`);

    const row = await t.prisma.aiSettings.findUniqueOrThrow({ where: { siteId: site.id } });
    expect(row.apiKeyEncrypted).toMatch(/^v1\.k1\./);
    expect(row.apiKeyEncrypted).not.toContain(apiKey.slice(8));
    const box = new SecretBox(keyring, 'ai-api-key');
    expect(box.decrypt(row.apiKeyEncrypted!, site.id)).toBe(apiKey);
    // Bound to the site: copied into another site's row it does not open.
    const otherSite = await newSite();
    expect(() => box.decrypt(row.apiKeyEncrypted!, otherSite.id)).toThrow(/could not be decrypted/);

    // Saving again without a key keeps it (and checks it again).
    const again = await put(site.id, { baseUrl: fake.url, model: 'gpt-4.1-mini', instructions: 'Be kind.' });
    expect(again.body).toMatchObject({ apiKeyLast4: apiKey.slice(-4), model: 'gpt-4.1-mini', instructions: 'Be kind.', status: 'ok' });
    expect(fake.requests.at(-1)!.path).toBe('/v1/models/gpt-4.1-mini');
    expect((await t.prisma.aiSettings.findUniqueOrThrow({ where: { siteId: site.id } })).apiKeyEncrypted).toBe(row.apiKeyEncrypted);
  });

  it('refuses a key the provider refuses, with its reason, and saves nothing', async () => {
    const site = await newSite();
    const wrong = await put(site.id, { apiKey: testApiKey(), baseUrl: fake.url });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'ai_key_rejected',
      message: expect.stringMatching(/rejected the API key \(401 invalid_api_key\)$/),
    });

    const noKnowledge = await put(site.id, { apiKey, baseUrl: fake.url, vectorStoreIds: ['vs_secret'] });
    expect(noKnowledge.status).toBe(422);
    expect((noKnowledge.body as ErrorBody).message).toMatch(/lacks access to vector store vs_secret/);

    const noModel = await put(site.id, { apiKey, baseUrl: fake.url, model: 'gpt-9' });
    expect(noModel.status).toBe(422);
    expect((noModel.body as ErrorBody).message).toMatch(/404/);

    expect(await t.prisma.aiSettings.count({ where: { siteId: site.id } })).toBe(0);
    expect((await get(site.id)).body.status).toBe('unverified');
  });

  it('checks a chat_completions server by listing its models', async () => {
    const site = await newSite();
    const saved = await put(site.id, { apiKey, baseUrl: fake.url, backend: 'chat_completions', model: 'llama3' });
    expect(saved.status).toBe(200);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('sends a stored key only where it was typed in: a new base URL needs the key again', async () => {
    const site = await newSite();
    expect((await put(site.id, { apiKey, baseUrl: fake.url })).status).toBe(200);
    const requests = fake.requests.length;
    const moved = await put(site.id, { baseUrl: 'https://attacker.example/v1' });
    expect(moved.status).toBe(400);
    expect(moved.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['apiKey'] }] });
    expect(fake.requests.length).toBe(requests);
    expect((await get(site.id)).body.baseUrl).toBe(fake.url);
  });

  it('needs a key to turn the assistant on, but can store settings without one while off', async () => {
    const site = await newSite();
    const on = await put(site.id, { baseUrl: fake.url });
    expect(on.status).toBe(400);
    expect(on.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['apiKey'] }] });
    const off = await put(site.id, { enabled: false, instructions: 'Draft' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, apiKeyLast4: null, instructions: 'Draft', status: 'unverified' });
  });

  it.each([
    ['a base URL that is not http(s)', { baseUrl: 'ftp://example.com/v1' }, 'baseUrl'],
    ['credentials in the base URL', { baseUrl: 'https://user:pass@example.com/v1' }, 'baseUrl'],
    ['an unknown backend', { backend: 'assistants' }, 'backend'],
    ['no model', { model: '' }, 'model'],
    ['a malformed vector store id', { vectorStoreIds: ['asst_123'] }, 'vectorStoreIds'],
    ['vector stores on chat_completions', { backend: 'chat_completions', vectorStoreIds: ['vs_faq'] }, 'vectorStoreIds'],
    ['a per-chat cap above the daily cap', { dailyTokenCap: 10_000, chatTokenCap: 20_000 }, 'chatTokenCap'],
    ['a tiny reply limit', { maxOutputTokens: 1 }, 'maxOutputTokens'],
    ['a negative auto-resolve time', { autoResolveAfterMinutes: -5 }, 'autoResolveAfterMinutes'],
    ['an auto-resolve time over a week', { autoResolveAfterMinutes: 7 * 24 * 60 + 1 }, 'autoResolveAfterMinutes'],
    ['a key with spaces', { apiKey: 'sk-abc def' }, 'apiKey'],
    ['enabled not a boolean', { enabled: 'yes' }, 'enabled'],
  ])('refuses %s (validation_failed)', async (_name, body, field) => {
    const site = await newSite();
    const response = await api<ErrorBody>(t.url, 'PUT', `/sites/${site.id}/ai`, {
      token,
      body: { enabled: true, model: 'gpt-4.1-mini', apiKey, baseUrl: fake.url, ...body },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.issues?.map((i) => i.path[0])).toContain(field);
    expect(await t.prisma.aiSettings.count({ where: { siteId: site.id } })).toBe(0);
  });

  it('refuses malformed usage queries and ids (validation_failed)', async () => {
    const site = await newSite();
    for (const path of [
      `/sites/${site.id}/ai/usage?days=0`,
      `/sites/${site.id}/ai/usage?days=abc`,
      `/sites/${site.id}/ai/usage?days=400`,
    ]) {
      const response = await api<ErrorBody>(t.url, 'GET', path, { token });
      expect(response.status, path).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    const usage = await api<unknown[]>(t.url, 'GET', `/sites/${site.id}/ai/usage?days=7`, { token });
    expect(usage.body).toHaveLength(7);
  });

  it('re-checks the stored key on demand and records the outcome', async () => {
    const site = await newSite();
    expect((await api<ErrorBody>(t.url, 'POST', `/sites/${site.id}/ai/check`, { token })).body.code).toBe('ai_not_configured');
    await put(site.id, { apiKey, baseUrl: fake.url });
    const other = testApiKey();
    fake.setApiKey(other);
    try {
      const failed = await api<AiSettingsDto>(t.url, 'POST', `/sites/${site.id}/ai/check`, { token });
      responses.push(failed.body);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({ status: 'invalid_key', statusMessage: expect.stringMatching(/401/) });
    } finally {
      fake.setApiKey(apiKey);
    }
    const passed = await api<AiSettingsDto>(t.url, 'POST', `/sites/${site.id}/ai/check`, { token });
    responses.push(passed.body);
    expect(passed.body).toMatchObject({ status: 'ok', statusMessage: null });
  });

  it('is for owners and admins only (operators get 403)', async () => {
    const site = await newSite();
    await createUser(t.prisma, {
      organizationId,
      email: 'operator@example.com',
      password: 'correct-horse-battery',
      name: 'Operator',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    const operator = (
      await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
        body: { email: 'operator@example.com', password: 'correct-horse-battery' },
      })
    ).body.accessToken;
    await t.prisma.siteUser.create({
      data: {
        organizationId,
        siteId: site.id,
        userId: (await t.prisma.user.findFirstOrThrow({ where: { email: 'operator@example.com' } })).id,
      },
    });
    for (const [method, path] of [
      ['GET', `/sites/${site.id}/ai`],
      ['PUT', `/sites/${site.id}/ai`],
      ['POST', `/sites/${site.id}/ai/check`],
      ['GET', `/sites/${site.id}/ai/usage`],
    ] as const) {
      const response = await api<ErrorBody>(t.url, method, path, {
        token: operator,
        body: method === 'PUT' ? { enabled: false, model: 'x' } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('never returns the key', () => {
    expect(responses.length).toBeGreaterThan(10);
    expect(JSON.stringify(responses)).not.toContain(apiKey);
    expect(JSON.stringify(responses)).not.toContain(apiKey.slice(8, 24));
  });
});

describe('AI keyring', () => {
  it('without AI_SECRET_KEYS the API runs but refuses to store a key, saying why', async () => {
    const fake = await startFakeOpenAi({ apiKey: 'sk-whatever-0000000000' });
    const t = await startTestApp({ EGRESS_ALLOW: fake.egressAllow });
    try {
      const owner = await registerOwner(t.url);
      const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;
      const refused = await putAiSettings(t.url, owner.accessToken, site.id, { apiKey: 'sk-whatever-0000000000', baseUrl: fake.url });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'ai_not_configured', message: expect.stringContaining('AI_SECRET_KEYS') });
      expect(fake.requests).toEqual([]);
      expect((await api(t.url, 'GET', `/sites/${site.id}/ai`, { token: owner.accessToken })).status).toBe(200);
    } finally {
      await t.close();
      await fake.close();
    }
  });

  it('rotates: a new first key seals, the old one still opens, re-sealed keys survive the old one leaving', async () => {
    const db = await freshDatabase();
    const apiKey = testApiKey();
    const fake = await startFakeOpenAi({ apiKey });
    const oldKey = testKeyring('k1');
    const newKey = testKeyring('k2');
    const answer = async (url: string, publicId: string) => {
      const widget = await connectWidget(url, publicId);
      const events = record(widget);
      try {
        ok(await widget.emitWithAck('visitor:join', {}));
        ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hi' }));
        return await Promise.race([
          events.waitFor<{ message: { text: string } }>('ai:done').then((d) => d.message.text),
          events.waitFor('ai:handoff').then(() => 'handed over'),
        ]);
      } finally {
        widget.close();
      }
    };
    try {
      // 1. Sealed with k1.
      let t = await startTestApp({ AI_SECRET_KEYS: oldKey, EGRESS_ALLOW: fake.egressAllow }, { databaseUrl: db.url });
      const ai = await aiSite(t.url, fake, apiKey);
      const sealedWithK1 = (await t.prisma.aiSettings.findUniqueOrThrow({ where: { siteId: ai.site.id } })).apiKeyEncrypted!;
      expect(sealedWithK1).toMatch(/^v1\.k1\./);
      await t.close();

      // 2. k2 first, k1 kept: the old secret still opens (answers work); a check re-seals it with k2.
      t = await startTestApp({ AI_SECRET_KEYS: `${newKey},${oldKey}`, EGRESS_ALLOW: fake.egressAllow }, { databaseUrl: db.url });
      expect((await api<AiSettingsDto>(t.url, 'GET', `/sites/${ai.site.id}/ai`, { token: ai.token })).body.apiKeyLast4).toBe(
        apiKey.slice(-4),
      );
      expect(await answer(t.url, ai.site.publicId)).toBe('Hello! How can I help you today?');
      expect((await api<AiSettingsDto>(t.url, 'POST', `/sites/${ai.site.id}/ai/check`, { token: ai.token })).body.status).toBe('ok');
      const resealed = (await t.prisma.aiSettings.findUniqueOrThrow({ where: { siteId: ai.site.id } })).apiKeyEncrypted!;
      expect(resealed).toMatch(/^v1\.k2\./);
      await t.close();

      // 3. k1 gone: still answers with the re-sealed key.
      t = await startTestApp({ AI_SECRET_KEYS: newKey, EGRESS_ALLOW: fake.egressAllow }, { databaseUrl: db.url });
      expect(await answer(t.url, ai.site.publicId)).toBe('Hello! How can I help you today?');
      await t.close();

      // 4. A keyring without k2 cannot open it: the chat is handed over and the admin is told.
      t = await startTestApp({ AI_SECRET_KEYS: testKeyring('k3'), EGRESS_ALLOW: fake.egressAllow }, { databaseUrl: db.url });
      expect(await answer(t.url, ai.site.publicId)).toBe('handed over');
      const settings = (await api<AiSettingsDto>(t.url, 'GET', `/sites/${ai.site.id}/ai`, { token: ai.token })).body;
      expect(settings).toMatchObject({ status: 'error', statusMessage: expect.stringMatching(/cannot be opened.*k2/) });
      await t.close();
    } finally {
      await fake.close();
      await db.drop();
    }
  });
});

// Every class of provider failure (401, 403, 404, 429, 500, timeouts, a stream that breaks) hands
// the chat to people with a polite message: the visitor never sees an error, the admin sees why
// on the site's AI settings. All of it logged at trace level, and no log line holds the key.
import type { AiAbortedPayload, AiHandoffPayload, AiSettingsDto, ChatTransitionDto, MessageDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AiSite, aiSite, record, testApiKey, testKeyring } from '../../test/support/ai.js';
import { api, connectWidget, newClientId, ok } from '../../test/support/clients.js';
import { type FakeOpenAi, type FakeOpenAiScript, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { captureOutput, type OutputCapture } from '../../test/support/log-capture.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('AI failures hand over politely', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let ai: AiSite;
  let logs: OutputCapture;
  const apiKey = testApiKey();
  const sockets: { close: () => void }[] = [];
  /** Every REST and socket payload the tests saw, to scan for the key. */
  const seen: unknown[] = [];

  beforeAll(async () => {
    logs = captureOutput();
    // One second: the timeout cases stay short.
    fake = await startFakeOpenAi({ apiKey, vectorStores: ['vs_faq'] });
    t = await startTestApp({ AI_SECRET_KEYS: testKeyring(), AI_TIMEOUT_SECONDS: '1', LOG_LEVEL: 'trace', EGRESS_ALLOW: fake.egressAllow });
    ai = await aiSite(t.url, fake, apiKey, { vectorStoreIds: ['vs_faq'] });
    seen.push(ai.settings);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await fake?.close();
    logs?.restore();
  });

  /** A visitor asks; the fake fails as scripted; returns what the visitor saw and the chat. */
  async function ask(script: FakeOpenAiScript, restore?: () => void) {
    fake.script(script);
    const widget = await connectWidget(t.url, ai.site.publicId);
    sockets.push(widget);
    const visitor = record(widget);
    ok(await widget.emitWithAck('visitor:join', { locale: 'en-GB' }));
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'What is your refund policy?' }));
    const handoff = await visitor.waitFor<AiHandoffPayload>('ai:handoff', () => true, 8000);
    const polite = await visitor.waitFor<MessageDto>('admin:message', (m) => m.authorKind === 'SYSTEM');
    restore?.();
    fake.script({ kind: 'answer', text: 'Back to normal.' });
    const settings = (await api<AiSettingsDto>(t.url, 'GET', `/sites/${ai.site.id}/ai`, { token: ai.token })).body;
    const transitions = (await api<ChatTransitionDto[]>(t.url, 'GET', `/chats/${message.chatId}/transitions`, { token: ai.token })).body;
    seen.push(visitor.events, settings, transitions);
    const chat = await t.prisma.chat.findUniqueOrThrow({ where: { id: message.chatId } });
    return { visitor, handoff, polite, settings, transitions, chat };
  }

  function expectPoliteHandoff(result: Awaited<ReturnType<typeof ask>>) {
    expect(result.handoff).toMatchObject({ reason: 'ai_error', state: 'WAITING_FOR_HUMAN' });
    expect(result.polite.text).toMatch(/passing you to a colleague/);
    expect(result.chat).toMatchObject({ aiState: 'WAITING_FOR_HUMAN', handledBy: 'UNASSIGNED', assignedOperatorId: null });
    expect(result.transitions).toEqual([expect.objectContaining({ from: 'AI', to: 'WAITING_FOR_HUMAN', reason: 'ai_error' })]);
    // What the visitor received: the polite handoff, no error, no provider words, nothing stored as AI.
    const events = result.visitor.events.map((e) => e.event);
    expect(events).not.toContain('server:error');
    expect(events).not.toContain('ai:done');
    const text = JSON.stringify(result.visitor.events);
    expect(result.settings.statusMessage).toBeTruthy();
    const words = ['quota', 'Rate limit', 'vector store', 'API key', 'rejected', 'failed', 'timeout', 'did not answer', 'sent nothing'];
    for (const leak of [result.settings.statusMessage!, ...words]) expect(text, leak).not.toContain(leak);
  }

  it('401: a revoked key', async () => {
    fake.setApiKey(testApiKey()); // the owner revoked it at the provider
    const result = await ask({ kind: 'answer', text: 'never sent' }, () => fake.setApiKey(apiKey));
    expectPoliteHandoff(result);
    expect(result.settings).toMatchObject({ status: 'invalid_key' });
    expect(result.settings.statusMessage).toBe('The AI server rejected the API key (401 invalid_api_key)');
    expect(result.transitions[0]!.detail).toMatch(/401/);
  });

  it('403: the key lost access to the knowledge (vector store)', async () => {
    const result = await ask({ kind: 'error', error: 'forbidden_vector_store', vectorStoreId: 'vs_faq' });
    expectPoliteHandoff(result);
    expect(result.settings.status).toBe('no_access');
    expect(result.settings.statusMessage).toMatch(/lacks access.*vector store vs_faq/);
  });

  it('404: the model is gone', async () => {
    const result = await ask({ kind: 'error', error: 'unknown_model' });
    expectPoliteHandoff(result);
    expect(result.settings.status).toBe('no_access');
    expect(result.settings.statusMessage).toMatch(/404/);
  });

  it.each([
    ['rate limit', 'rate_limited', /Rate limit reached \(429/],
    ['no quota', 'insufficient_quota', /no quota left/],
  ] as const)('429: %s', async (_name, error, message) => {
    const result = await ask({ kind: 'error', error });
    expectPoliteHandoff(result);
    expect(result.settings.status).toBe('rate_limited');
    expect(result.settings.statusMessage).toMatch(message);
  });

  it('500: the provider fails', async () => {
    const result = await ask({ kind: 'error', error: 'server_error' });
    expectPoliteHandoff(result);
    expect(result.settings.status).toBe('error');
    expect(result.settings.statusMessage).toBe('The AI server failed (500 server_error)');
  });

  it('timeout: no response at all', async () => {
    const result = await ask({ kind: 'hang' });
    expectPoliteHandoff(result);
    expect(result.settings.status).toBe('error');
    expect(result.settings.statusMessage).toMatch(/did not answer in time|sent nothing/);
  });

  it('timeout: the stream goes silent mid-answer; the partial text is discarded', async () => {
    const result = await ask({ kind: 'stall', text: 'Our refund policy is' });
    expectPoliteHandoff(result);
    expect(result.settings.statusMessage).toMatch(/sent nothing for 1000 ms/);
    const aborted = result.visitor.of<AiAbortedPayload>('ai:aborted');
    expect(aborted).toEqual([expect.objectContaining({ reason: 'ai_error' })]);
    expect(result.visitor.of('ai:delta').length).toBeGreaterThan(0);
    expect(await t.prisma.message.count({ where: { chatId: result.chat.id, authorKind: 'AI' } })).toBe(0);
  });

  it('a stream that breaks (error event, dropped connection, malformed data)', async () => {
    for (const script of [
      { kind: 'stream_error', text: 'Partial', code: 'server_error' },
      { kind: 'drop', text: 'Partial answer' },
      { kind: 'malformed' },
    ] as FakeOpenAiScript[]) {
      const result = await ask(script);
      expectPoliteHandoff(result);
      expect(result.settings.status).toBe('error');
    }
  });

  it('the status recovers on the next good answer', async () => {
    const widget = await connectWidget(t.url, ai.site.publicId);
    sockets.push(widget);
    const visitor = record(widget);
    ok(await widget.emitWithAck('visitor:join', {}));
    ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hi' }));
    await visitor.waitFor('ai:done');
    const settings = (await api<AiSettingsDto>(t.url, 'GET', `/sites/${ai.site.id}/ai`, { token: ai.token })).body;
    expect(settings).toMatchObject({ status: 'ok', statusMessage: null });
  });

  it('the API key is in no API response, socket payload or log line', async () => {
    // The key check paths log too: a failing check and a good one.
    fake.setApiKey(testApiKey());
    const failed = await api<AiSettingsDto>(t.url, 'POST', `/sites/${ai.site.id}/ai/check`, { token: ai.token });
    fake.setApiKey(apiKey);
    const passed = await api<AiSettingsDto>(t.url, 'POST', `/sites/${ai.site.id}/ai/check`, { token: ai.token });
    seen.push(failed.body, passed.body);
    expect(failed.body.status).toBe('invalid_key');
    expect(passed.body).toMatchObject({ status: 'ok', apiKeyLast4: apiKey.slice(-4) });

    const everything = JSON.stringify(seen);
    const output = logs.text();
    // The capture really holds the server's logs (requests and the AI's own lines).
    expect(output).toContain(`/sites/${ai.site.id}/ai`);
    expect(output).toContain('AI answer failed, handing over');
    const secret = apiKey.slice('sk-test-'.length);
    for (const haystack of [everything, output]) {
      expect(haystack).not.toContain(apiKey);
      expect(haystack).not.toContain(secret.slice(0, 12));
      expect(haystack).not.toContain(secret.slice(8, 20));
    }
  });
});

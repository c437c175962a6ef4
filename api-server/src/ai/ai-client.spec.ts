// The AI client against a fake OpenAI at the wire: the real `openai` SDK, real HTTP, real SSE.

import { createServer } from 'node:net';
import type { AiBackend } from '@chatiq/contracts';
import type { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeOpenAi, type RecordedRequest, startFakeOpenAi } from '../../test/support/fake-openai-server.js';
import { createEgressAgent, type EgressFetch, fetchThrough } from '../common/egress/egress-agent.js';
import { parseEgressAllowList } from '../config/egress-allow-list.js';
import { AiClient, type AiClientSettings } from './ai-client.js';
import { AiError } from './ai-errors.js';
import type { AiHistoryTurn, AiStreamEvent } from './ai-stream-event.js';

const KEY = 'sk-test-0123456789abcdefghijklmnopqrstuvwxyz';
const MODEL = 'gpt-4.1-mini';
const INSTRUCTIONS = 'You are the helpful assistant of Acme Bikes. Answer briefly.';
const HISTORY: AiHistoryTurn[] = [
  { role: 'user', text: 'Hi, do you ship to Kyiv?' },
  { role: 'assistant', text: 'Yes, we ship all over Ukraine.' },
  { role: 'user', text: 'How long does it take?' },
];

let fake: FakeOpenAi;
let agent: Agent;
/** The API's own egress guard, with the fake (on loopback) allowed explicitly, as EGRESS_ALLOW would. */
let egress: EgressFetch;

beforeAll(async () => {
  fake = await startFakeOpenAi({ apiKey: KEY, models: [MODEL], vectorStores: ['vs_kb1', 'vs_kb2'] });
  agent = createEgressAgent({ allow: parseEgressAllowList(fake.egressAllow) });
  egress = fetchThrough(agent);
});
afterAll(async () => {
  await agent.close();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.script({ kind: 'answer', text: 'Delivery takes 2-3 days.' });
});

function client(overrides: Partial<AiClientSettings> = {}, through: EgressFetch = egress): AiClient {
  return new AiClient(
    {
      apiKey: KEY,
      baseUrl: fake.url,
      backend: 'responses',
      model: MODEL,
      instructions: INSTRUCTIONS,
      vectorStoreIds: [],
      maxOutputTokens: 400,
      timeoutMs: 2000,
      ...overrides,
    },
    through,
  );
}

/** Everything a stream yields, and what it threw. */
async function run(stream: AsyncIterable<AiStreamEvent>): Promise<{ events: AiStreamEvent[]; error: AiError | undefined }> {
  const events: AiStreamEvent[] = [];
  try {
    for await (const event of stream) {
      events.push(event);
    }
    return { events, error: undefined };
  } catch (error) {
    expect(error).toBeInstanceOf(AiError);
    return { events, error: error as AiError };
  }
}

function deltasOf(events: AiStreamEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'delta' ? [event.text] : []));
}

function generationRequest(): RecordedRequest {
  const request = fake.requests.find((r) => r.method === 'POST');
  expect(request).toBeDefined();
  return request!;
}

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each<AiBackend>(['responses', 'chat_completions'])('AiClient streaming (%s backend)', (backend) => {
  it('streams the answer as deltas that join to the final text, with usage', async () => {
    const text = 'Delivery to Kyiv takes 2-3 working days, and it is free above 100 EUR.';
    fake.script({ kind: 'answer', text, usage: { inputTokens: 321, outputTokens: 17 } });

    const { events, error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(error).toBeUndefined();
    const deltas = deltasOf(events);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(text);
    expect(events.at(-1)).toEqual({ type: 'done', text, usage: { inputTokens: 321, outputTokens: 17, estimated: false } });
    expect(events.filter((event) => event.type === 'done')).toHaveLength(1);
  });

  it('hands over when the model calls handoff_to_human, after its lead-in text', async () => {
    fake.script({ kind: 'handoff', leadIn: 'Let me connect you with a colleague.', note: 'Wants a refund for order 1234' });

    const { events, error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(error).toBeUndefined();
    expect(deltasOf(events).join('')).toBe('Let me connect you with a colleague.');
    expect(events.filter((event) => event.type !== 'delta')).toEqual([
      { type: 'handoff', reason: 'model_requested', note: 'Wants a refund for order 1234' },
      { type: 'done', text: 'Let me connect you with a colleague.', usage: expect.objectContaining({ estimated: false }) },
    ]);
  });

  it('hands over on a bare tool call (no text, empty note)', async () => {
    fake.script({ kind: 'handoff' });

    const { events, error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['handoff', 'done']);
    expect(events[0]).toEqual({ type: 'handoff', reason: 'model_requested' });
  });

  it('stops the HTTP stream promptly when aborted mid-answer, as `aborted`', async () => {
    // Chunks 600 ms apart: stopping within 200 ms needs the signal to cut the HTTP stream, not
    // just a check when the next chunk arrives.
    const chunks = Array.from({ length: 10 }, (_, i) => `word${i} `);
    fake.script({ kind: 'answer', text: '', chunks, delayMs: 600 });
    const controller = new AbortController();
    const events: AiStreamEvent[] = [];
    let abortedAt = 0;
    let caught: unknown;

    try {
      for await (const event of client({ backend }).streamAnswer({ history: HISTORY, signal: controller.signal })) {
        events.push(event);
        if (events.length === 1) {
          abortedAt = Date.now();
          controller.abort();
        }
      }
    } catch (error) {
      caught = error;
    }
    const thrownAfter = Date.now() - abortedAt;

    expect(caught).toBeInstanceOf(AiError);
    expect((caught as AiError).reason).toBe('aborted');
    expect((caught as AiError).isAbort).toBe(true);
    expect(thrownAfter).toBeLessThan(200);
    // Nothing after the abort: the one delta seen before it, no `done`.
    expect(events.map((event) => event.type)).toEqual(['delta']);
    // The fake saw the client hang up long before its 10 × 600 ms answer was over.
    await vi.waitFor(() => expect(generationRequest().closedEarly).toBe(true), { timeout: 1000, interval: 10 });
    expect(generationRequest().closedAt! - abortedAt).toBeLessThan(300);
  });

  it('closes the HTTP stream when the consumer stops reading', async () => {
    fake.script({ kind: 'answer', text: '', chunks: ['one ', 'two ', 'three'], delayMs: 600 });

    for await (const event of client({ backend }).streamAnswer({ history: HISTORY })) {
      expect(event.type).toBe('delta');
      break;
    }

    await vi.waitFor(() => expect(generationRequest().closedEarly).toBe(true), { timeout: 300, interval: 10 });
  });

  it('stops a request that has no response yet when aborted, as `aborted`', async () => {
    fake.script({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const started = Date.now();
    const { error } = await run(client({ backend, timeoutMs: 5000 }).streamAnswer({ history: HISTORY, signal: controller.signal }));

    expect(error?.reason).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
    await vi.waitFor(() => expect(generationRequest().closedEarly).toBe(true), { timeout: 1000, interval: 10 });
  });

  it('maps a server that never answers to `timeout`', async () => {
    fake.script({ kind: 'hang' });
    const started = Date.now();

    const { error } = await run(client({ backend, timeoutMs: 300 }).streamAnswer({ history: HISTORY }));

    expect(error?.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('maps a stream that goes silent mid-answer to `timeout`', async () => {
    fake.script({ kind: 'stall', text: 'Delivery takes' });
    const started = Date.now();

    const { events, error } = await run(client({ backend, timeoutMs: 300 }).streamAnswer({ history: HISTORY }));

    expect(deltasOf(events).join('')).toBe('Delivery takes');
    expect(error?.reason).toBe('timeout');
    expect(error?.message).toMatch(/nothing for 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    await vi.waitFor(() => expect(generationRequest().closedEarly).toBe(true), { timeout: 1000, interval: 10 });
  });

  it.each([
    ['rate_limited', 'rate_limited', /^Rate limit reached \(429 rate_limit_exceeded, retry after 20 s\)$/],
    ['insufficient_quota', 'rate_limited', /^The provider account has no quota left \(429 insufficient_quota\) — check plan and billing$/],
    ['server_error', 'upstream_error', /^The AI server failed \(500 server_error\)$/],
  ] as const)('maps a %s error to %s with a message of our own', async (name, reason, message) => {
    fake.script({ kind: 'error', error: name });

    const { events, error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(events).toEqual([]);
    expect(error?.reason).toBe(reason);
    expect(error?.message).toMatch(message);
  });

  it('keeps retryAfterMs and the quota code for the caller', async () => {
    fake.script({ kind: 'error', error: 'rate_limited' });
    const limited = await run(client({ backend }).streamAnswer({ history: HISTORY }));
    expect(limited.error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', retryAfterMs: 20_000 });

    fake.script({ kind: 'error', error: 'insufficient_quota' });
    const broke = await run(client({ backend }).streamAnswer({ history: HISTORY }));
    expect(broke.error).toMatchObject({ status: 429, code: 'insufficient_quota' });
  });

  it("maps an unknown model (404) to `no_access`, by its status and code, not the server's words", async () => {
    const { error } = await run(client({ backend, model: 'gpt-nonexistent' }).streamAnswer({ history: HISTORY }));

    expect(error?.reason).toBe('no_access');
    expect(error?.status).toBe(404);
    expect(error?.message).toBe('Not found with this API key (404 model_not_found) — check that the key may use the model gpt-nonexistent');
  });

  it('maps a rejected key (401) to `invalid_key` without repeating the key', async () => {
    const wrongKey = 'sk-wrong-9876543210zyxwvutsrqponmlkjihgfedcba';

    const { error } = await run(client({ backend, apiKey: wrongKey }).streamAnswer({ history: HISTORY }));

    expect(error?.reason).toBe('invalid_key');
    expect(error?.message).toBe('The AI server rejected the API key (401 invalid_api_key)');
    expect(error?.message).not.toContain(wrongKey);
    expect(error?.message).not.toContain(wrongKey.slice(-4));
  });

  it('maps a refused connection to `upstream_error`', async () => {
    const port = await closedPort();

    const allowed = createEgressAgent({ allow: parseEgressAllowList(`127.0.0.1:${port}`) });
    try {
      const { error } = await run(
        client({ backend, baseUrl: `http://127.0.0.1:${port}/v1` }, fetchThrough(allowed)).streamAnswer({ history: HISTORY }),
      );

      expect(error?.reason).toBe('upstream_error');
      expect(error?.message).toBe('Could not connect to the AI server (ECONNREFUSED)');
    } finally {
      await allowed.close();
    }
  });

  it('maps a base URL the egress guard refuses to `address_refused`, sending nothing', async () => {
    const nothingAllowed = createEgressAgent({ allow: [] });
    try {
      const { error } = await run(client({ backend }, fetchThrough(nothingAllowed)).streamAnswer({ history: HISTORY }));

      expect(error?.reason).toBe('address_refused');
      expect(await client({ backend }, fetchThrough(nothingAllowed)).validateKey()).toMatchObject({ ok: false, reason: 'address_refused' });
      expect(fake.requests).toEqual([]);
    } finally {
      await nothingAllowed.close();
    }
  });

  it('maps a malformed stream to `upstream_error`', async () => {
    fake.script({ kind: 'malformed' });

    const { error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(error?.reason).toBe('upstream_error');
    expect(error?.message).toBe('The AI server sent a malformed stream');
  });

  it('maps a connection cut mid-stream to `upstream_error`', async () => {
    fake.script({ kind: 'drop', text: 'Delivery takes two' });

    const { events, error } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(deltasOf(events).join('')).toBe('Delivery takes two');
    expect(events.some((event) => event.type === 'done')).toBe(false);
    expect(error?.reason).toBe('upstream_error');
  });

  it('maps an error reported inside the stream by its code', async () => {
    fake.script({ kind: 'stream_error', text: 'Delivery', code: 'server_error', message: 'The model crashed.' });
    const crashed = await run(client({ backend }).streamAnswer({ history: HISTORY }));
    expect(crashed.error?.reason).toBe('upstream_error');
    expect(crashed.error?.message).toBe('The AI server reported an error mid-stream (in stream server_error)');

    fake.script({ kind: 'stream_error', code: 'rate_limit_exceeded', message: 'Slow down.' });
    const limited = await run(client({ backend }).streamAnswer({ history: HISTORY }));
    expect(limited.error?.reason).toBe('rate_limited');
  });

  it('estimates usage when the server reports none', async () => {
    fake.script({ kind: 'answer', text: 'Twelve chars', usage: null });

    const { events } = await run(client({ backend }).streamAnswer({ history: HISTORY }));

    expect(events.at(-1)).toMatchObject({ type: 'done', usage: { outputTokens: 3, estimated: true } });
  });

  it('drafts a copilot reply with the same settings but no handoff tool', async () => {
    fake.script({ kind: 'answer', text: 'Hello, delivery takes 2-3 days.' });

    const draft = await client({ backend }).draftReply(HISTORY);

    expect(draft.text).toBe('Hello, delivery takes 2-3 days.');
    expect(draft.usage.estimated).toBe(false);
    const body = generationRequest().body as { tools?: unknown[]; model: string };
    expect(body.model).toBe(MODEL);
    expect(body.tools ?? []).not.toContainEqual(expect.objectContaining({ type: 'function' }));
  });
});

describe('AiClient requests', () => {
  it('responses: sends model, instructions, history, limits, file_search over the vector stores and the handoff tool', async () => {
    await run(client({ vectorStoreIds: ['vs_kb1', 'vs_kb2'] }).streamAnswer({ history: HISTORY }));

    const request = generationRequest();
    expect(request.path).toBe('/v1/responses');
    expect(request.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({
      model: MODEL,
      instructions: INSTRUCTIONS,
      input: [
        { role: 'user', content: 'Hi, do you ship to Kyiv?' },
        { role: 'assistant', content: 'Yes, we ship all over Ukraine.' },
        { role: 'user', content: 'How long does it take?' },
      ],
      max_output_tokens: 400,
      stream: true,
      store: false,
      tools: [
        { type: 'file_search', vector_store_ids: ['vs_kb1', 'vs_kb2'] },
        { type: 'function', name: 'handoff_to_human', strict: true, parameters: expect.objectContaining({ type: 'object' }) },
      ],
    });
  });

  it('responses: leaves file_search out when no vector store is configured', async () => {
    await run(client().streamAnswer({ history: HISTORY }));

    const tools = (generationRequest().body as { tools: { type: string }[] }).tools;
    expect(tools.map((tool) => tool.type)).toEqual(['function']);
  });

  it('responses: a key without access to a vector store gets no_access (the key check names the store)', async () => {
    const { error } = await run(client({ vectorStoreIds: ['vs_kb1', 'vs_foreign'] }).streamAnswer({ history: HISTORY }));

    expect(error?.reason).toBe('no_access');
    expect(error?.status).toBe(403);
    expect(error?.message).toBe(
      'The API key lacks access (403) — check that the key may use the model gpt-4.1-mini and vector stores vs_kb1, vs_foreign',
    );
  });

  it('chat_completions: sends instructions as the system message, history, limits, usage request and the handoff tool', async () => {
    await run(client({ backend: 'chat_completions' }).streamAnswer({ history: HISTORY }));

    const request = generationRequest();
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toMatchObject({
      model: MODEL,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: 'Hi, do you ship to Kyiv?' },
        { role: 'assistant', content: 'Yes, we ship all over Ukraine.' },
        { role: 'user', content: 'How long does it take?' },
      ],
      max_tokens: 400,
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: 'function', function: expect.objectContaining({ name: 'handoff_to_human' }) }],
    });
  });

  it('chat_completions: sends no system message when there are no instructions', async () => {
    await run(client({ backend: 'chat_completions', instructions: '' }).streamAnswer({ history: HISTORY }));

    const messages = (generationRequest().body as { messages: { role: string }[] }).messages;
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  });
});

describe('AiClient settings', () => {
  it('refuses an empty key before any request', () => {
    expect(() => client({ apiKey: '  ' })).toThrow(expect.objectContaining({ reason: 'invalid_key' }));
    expect(fake.requests).toEqual([]);
  });
});

describe('AiClient.validateKey', () => {
  it('responses: checks the model and every vector store with GETs', async () => {
    const result = await client({ vectorStoreIds: ['vs_kb1', 'vs_kb2'] }).validateKey();

    expect(result).toEqual({ ok: true });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/models/${MODEL}`,
      'GET /v1/vector_stores/vs_kb1',
      'GET /v1/vector_stores/vs_kb2',
    ]);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('chat_completions: lists the models', async () => {
    expect(await client({ backend: 'chat_completions', model: 'llama3.1:8b' }).validateKey()).toEqual({ ok: true });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
  });

  it.each<AiBackend>(['responses', 'chat_completions'])('%s: reports an invalid key without repeating it', async (backend) => {
    const wrongKey = 'sk-bad-abcdefghijklmnopqrstuvwxyz012345';

    const result = await client({ backend, apiKey: wrongKey }).validateKey();

    expect(result).toMatchObject({ ok: false, reason: 'invalid_key' });
    expect(JSON.stringify(result)).not.toContain(wrongKey);
  });

  it('reports an unknown model as no_access', async () => {
    const result = await client({ model: 'gpt-9' }).validateKey();

    expect(result).toEqual({
      ok: false,
      reason: 'no_access',
      message: 'Not found with this API key (404 model_not_found) — check that the key may use the model gpt-9',
    });
  });

  it('reports a vector store the key cannot read, by id', async () => {
    const result = await client({ vectorStoreIds: ['vs_kb1', 'vs_foreign'] }).validateKey();

    expect(result).toEqual({
      ok: false,
      reason: 'no_access',
      message: 'The API key lacks access to vector store vs_foreign (404)',
    });
  });

  it('reports rate limits and missing quota', async () => {
    fake.script({ kind: 'error', error: 'insufficient_quota' });
    expect(await client().validateKey()).toMatchObject({ ok: false, reason: 'rate_limited', message: expect.stringMatching(/quota/) });
  });

  it('reports a server that does not answer as a timeout', async () => {
    fake.script({ kind: 'hang' });
    expect(await client({ timeoutMs: 200 }).validateKey()).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

// A fake OpenAI at the wire, for tests: the real `openai` SDK talks to it through a base URL.
//
// It speaks just enough of the API: `GET /v1/models`, `GET /v1/models/:id`,
// `GET /v1/vector_stores/:id`, `POST /v1/responses` and `POST /v1/chat/completions` (JSON, or
// Server-Sent Events with `stream: true`, in the same event sequence as OpenAI), error bodies
// `{ error: { message, type, param, code } }`. Each test scripts what the "model" does next and
// reads back the requests it received.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeUsage = { inputTokens: number; outputTokens: number };

/** Canned provider failures, with OpenAI's status, type, code and wording. */
export type FakeErrorName = 'forbidden_vector_store' | 'unknown_model' | 'rate_limited' | 'insufficient_quota' | 'server_error';

/** What the fake does with the next requests (until scripted again). */
export type FakeOpenAiScript =
  /** Streams `text` in word-sized chunks (or `chunks`), `delayMs` apart. `usage: null`: report none. */
  | { kind: 'answer'; text: string; chunks?: string[]; delayMs?: number; usage?: FakeUsage | null }
  /** Calls `handoff_to_human` with `{ note }`, after an optional text `leadIn`. */
  | { kind: 'handoff'; note?: string; leadIn?: string; delayMs?: number }
  /** Answers every endpoint (models included) with this HTTP error. */
  | { kind: 'error'; error: FakeErrorName; vectorStoreId?: string }
  /** Never answers, not even headers, until the client gives up. */
  | { kind: 'hang' }
  /** Streams `text`, then goes silent without ending the stream. */
  | { kind: 'stall'; text: string }
  /** Streams `text`, then reports an error inside the 200 stream (`event: error` or `response.failed`). */
  | { kind: 'stream_error'; text?: string; code?: string; message?: string; via?: 'error_event' | 'response_failed' }
  /** Sends an SSE event whose data is not JSON. */
  | { kind: 'malformed' }
  /** Streams `text`, then cuts the TCP connection. */
  | { kind: 'drop'; text: string };

export type FakeOpenAiOptions = {
  /** The loopback address to listen on (127.0.0.1); browser tests use one their API's EGRESS_ALLOW names. */
  host?: string;
  /** The only key accepted (`Authorization: Bearer <key>`); anything else gets OpenAI's 401. */
  apiKey: string;
  /** Models that exist for this key (404 `model_not_found` otherwise). */
  models?: string[];
  /** Vector stores this key may read: GET 404s and `file_search` over any other gets a 403. */
  vectorStores?: string[];
  script?: FakeOpenAiScript;
  /**
   * Called right after each text delta is written to a stream (Responses or Chat Completions),
   * with its index in the answer: the benchmark's clock for "the provider sent a token".
   */
  onDelta?: (delta: { index: number; text: string }) => void;
};

export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. `/v1/responses`. */
  path: string;
  authorization: string | undefined;
  /** Parsed JSON body (undefined for GET). */
  body: unknown;
  receivedAt: number;
  /** The client closed the connection before the fake had finished answering. */
  closedEarly: boolean;
  closedAt: number | undefined;
};

export type FakeOpenAi = {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  /** The API's EGRESS_ALLOW entry for this fake (`<host>:<port>`): a loopback server is reached only when allowed. */
  egressAllow: string;
  requests: RecordedRequest[];
  script(script: FakeOpenAiScript): void;
  /** Accepts another key from now on (the old one gets OpenAI's 401): a key revoked by its owner. */
  setApiKey(apiKey: string): void;
  close(): Promise<void>;
};

const DEFAULT_SCRIPT: FakeOpenAiScript = { kind: 'answer', text: 'Hello! How can I help you today?' };
const HANDOFF_TOOL = 'handoff_to_human';

export async function startFakeOpenAi(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
  const models = options.models ?? ['gpt-4.1-mini'];
  const requests: RecordedRequest[] = [];
  let current = options.script ?? DEFAULT_SCRIPT;
  let acceptedKey = options.apiKey;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendError(res, 500, { message: `fake server bug: ${String(error)}`, type: 'server_error' });
      } else {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      authorization: req.headers.authorization,
      body: raw ? safeJson(raw) : undefined,
      receivedAt: Date.now(),
      closedEarly: false,
      closedAt: undefined,
    };
    requests.push(record);
    res.on('close', () => {
      record.closedAt = Date.now();
      record.closedEarly = !res.writableFinished;
    });

    if (req.headers.authorization !== `Bearer ${acceptedKey}`) {
      return sendError(res, 401, {
        message: `Incorrect API key provided: ${maskKey(req.headers.authorization)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
    }
    const script = current;
    if (script.kind === 'error') {
      return sendCannedError(res, script.error, script.vectorStoreId);
    }
    if (script.kind === 'hang') {
      return; // until the client disconnects (or close() cuts every connection)
    }

    const modelMatch = /^\/v1\/models\/(.+)$/.exec(path);
    const storeMatch = /^\/v1\/vector_stores\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: models.map(modelObject) });
    }
    if (req.method === 'GET' && modelMatch) {
      const id = decodeURIComponent(modelMatch[1]!);
      return models.includes(id) ? sendJson(res, 200, modelObject(id)) : sendCannedError(res, 'unknown_model', undefined, id);
    }
    if (req.method === 'GET' && storeMatch) {
      const id = decodeURIComponent(storeMatch[1]!);
      if (!options.vectorStores?.includes(id)) {
        return sendError(res, 404, { message: `No vector store found with id '${id}'.`, type: 'invalid_request_error' });
      }
      return sendJson(res, 200, { id, object: 'vector_store', name: id, status: 'completed', created_at: now() });
    }
    if (req.method === 'POST' && (path === '/v1/responses' || path === '/v1/chat/completions')) {
      const body = (record.body ?? {}) as GenerationBody;
      if (typeof body.model !== 'string' || !models.includes(body.model)) {
        return sendCannedError(res, 'unknown_model', undefined, String(body.model));
      }
      const forbidden = fileSearchStores(body).find((id) => !options.vectorStores?.includes(id));
      if (forbidden) {
        return sendCannedError(res, 'forbidden_vector_store', forbidden);
      }
      return path === '/v1/responses'
        ? answerResponses(req, res, body, script, options.onDelta)
        : answerChat(req, res, body, script, options.onDelta);
    }
    return sendError(res, 404, { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error' });
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/v1`,
    egressAllow: `${host}:${port}`,
    requests,
    script(next) {
      current = next;
    },
    setApiKey(apiKey) {
      acceptedKey = apiKey;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Responses API
// ---------------------------------------------------------------------------------------------

type GenerationBody = {
  model?: unknown;
  stream?: boolean;
  instructions?: string | null;
  input?: unknown;
  messages?: { role: string; content: unknown }[];
  tools?: { type: string; vector_store_ids?: string[]; name?: string; function?: { name?: string } }[];
  max_output_tokens?: number;
  stream_options?: { include_usage?: boolean };
};

type OnDelta = FakeOpenAiOptions['onDelta'];

async function answerResponses(
  req: IncomingMessage,
  res: ServerResponse,
  body: GenerationBody,
  script: FakeOpenAiScript,
  onDelta: OnDelta,
): Promise<void> {
  const id = `resp_${randomId()}`;
  let sequence = 0;
  const output: unknown[] = [];
  const base = (status: string, extra: Record<string, unknown> = {}) => ({
    id,
    object: 'response',
    created_at: now(),
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: body.tools ?? [],
    top_p: 1,
    truncation: 'disabled',
    usage: null,
    metadata: {},
    ...extra,
  });
  const plan = planOf(script);
  const usageOf = (text: string) =>
    plan.usage === null
      ? null
      : responsesUsage(plan.usage ?? { inputTokens: estimate(JSON.stringify(body.input ?? '')), outputTokens: estimate(text) });

  if (!body.stream) {
    if (script.kind !== 'answer' && script.kind !== 'handoff') {
      return sendError(res, 500, { message: `fake: '${script.kind}' needs stream: true`, type: 'server_error' });
    }
    if (plan.text) output.push(messageItem(`msg_${randomId()}`, plan.text, 'completed'));
    if (plan.handoffArgs !== undefined) output.push(functionCallItem(plan.handoffArgs, 'completed'));
    return sendJson(res, 200, base('completed', { usage: usageOf(plan.text) }));
  }

  const sse = openSse(req, res);
  const send = (type: string, data: Record<string, unknown>) =>
    sse.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data, sequence_number: sequence++ })}\n\n`);

  send('response.created', { response: base('in_progress') });
  send('response.in_progress', { response: base('in_progress') });

  const stores = fileSearchStores(body);
  if (stores.length > 0) {
    // What OpenAI streams while file_search runs, before the message.
    const item = { id: `fs_${randomId()}`, type: 'file_search_call', status: 'in_progress', queries: [], results: null };
    const outputIndex = output.length;
    send('response.output_item.added', { output_index: outputIndex, item });
    for (const step of ['in_progress', 'searching', 'completed']) {
      send(`response.file_search_call.${step}`, { output_index: outputIndex, item_id: item.id });
    }
    const done = { ...item, status: 'completed', queries: [lastUserText(body)] };
    output.push(done);
    send('response.output_item.done', { output_index: outputIndex, item: done });
  }

  if (script.kind === 'malformed') {
    sse.write('event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":\n\n');
    return sse.end();
  }

  let text = '';
  if (plan.chunks.length > 0) {
    const itemId = `msg_${randomId()}`;
    const outputIndex = output.length;
    send('response.output_item.added', { output_index: outputIndex, item: messageItem(itemId, '', 'in_progress') });
    send('response.content_part.added', {
      item_id: itemId,
      output_index: outputIndex,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    });
    for (const [index, delta] of plan.chunks.entries()) {
      if (index > 0 && !(await sse.pause(plan.delayMs))) return;
      if (!sse.alive()) return;
      text += delta;
      send('response.output_text.delta', { item_id: itemId, output_index: outputIndex, content_index: 0, delta, logprobs: [] });
      onDelta?.({ index, text: delta });
    }
    if (
      !(await finishFailure(
        script,
        sse,
        () => send('error', errorEventOf(script)),
        () => failResponse(),
      ))
    )
      return;
    send('response.output_text.done', { item_id: itemId, output_index: outputIndex, content_index: 0, text, logprobs: [] });
    send('response.content_part.done', {
      item_id: itemId,
      output_index: outputIndex,
      content_index: 0,
      part: { type: 'output_text', text, annotations: [] },
    });
    const item = messageItem(itemId, text, 'completed');
    output.push(item);
    send('response.output_item.done', { output_index: outputIndex, item });
  } else if (
    !(await finishFailure(
      script,
      sse,
      () => send('error', errorEventOf(script)),
      () => failResponse(),
    ))
  ) {
    return;
  }

  if (plan.handoffArgs !== undefined) {
    if (!(await sse.pause(plan.delayMs))) return;
    const outputIndex = output.length;
    const added = functionCallItem('', 'in_progress');
    send('response.output_item.added', { output_index: outputIndex, item: added });
    for (const delta of splitInTwo(plan.handoffArgs)) {
      send('response.function_call_arguments.delta', { item_id: added.id, output_index: outputIndex, delta });
    }
    send('response.function_call_arguments.done', { item_id: added.id, output_index: outputIndex, arguments: plan.handoffArgs });
    const item = { ...added, arguments: plan.handoffArgs, status: 'completed' };
    output.push(item);
    send('response.output_item.done', { output_index: outputIndex, item });
  }

  send('response.completed', { response: base('completed', { usage: usageOf(text) }) });
  sse.end();

  function failResponse() {
    const failed = script as Extract<FakeOpenAiScript, { kind: 'stream_error' }>;
    send('response.failed', {
      response: base('failed', { error: { code: failed.code ?? 'server_error', message: failed.message ?? 'The model failed.' } }),
    });
  }
}

function messageItem(id: string, text: string, status: string) {
  return { id, type: 'message', status, role: 'assistant', content: text ? [{ type: 'output_text', text, annotations: [] }] : [] };
}

function functionCallItem(args: string, status: string) {
  return { id: `fc_${randomId()}`, type: 'function_call', status, name: HANDOFF_TOOL, call_id: `call_${randomId()}`, arguments: args };
}

function responsesUsage(usage: FakeUsage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

// ---------------------------------------------------------------------------------------------
// Chat Completions
// ---------------------------------------------------------------------------------------------

async function answerChat(
  req: IncomingMessage,
  res: ServerResponse,
  body: GenerationBody,
  script: FakeOpenAiScript,
  onDelta: OnDelta,
): Promise<void> {
  const id = `chatcmpl-${randomId()}`;
  const plan = planOf(script);
  const usageOf = (text: string) => {
    const usage = plan.usage ?? { inputTokens: estimate(JSON.stringify(body.messages ?? [])), outputTokens: estimate(text) };
    return {
      prompt_tokens: usage.inputTokens,
      completion_tokens: usage.outputTokens,
      total_tokens: usage.inputTokens + usage.outputTokens,
    };
  };
  const includeUsage = body.stream_options?.include_usage === true && plan.usage !== null;
  const callId = `call_${randomId()}`;

  if (!body.stream) {
    if (script.kind !== 'answer' && script.kind !== 'handoff') {
      return sendError(res, 500, { message: `fake: '${script.kind}' needs stream: true`, type: 'server_error' });
    }
    const toolCalls =
      plan.handoffArgs === undefined
        ? undefined
        : [{ id: callId, type: 'function', function: { name: HANDOFF_TOOL, arguments: plan.handoffArgs } }];
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created: now(),
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: plan.text || null, refusal: null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
          logprobs: null,
          finish_reason: toolCalls ? 'tool_calls' : 'stop',
        },
      ],
      ...(plan.usage === null ? {} : { usage: usageOf(plan.text) }),
    });
  }

  const sse = openSse(req, res);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    sse.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: now(),
        model: body.model,
        system_fingerprint: 'fp_fake',
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
        // OpenAI sends `usage: null` on every chunk but the last when usage was asked for.
        ...(includeUsage ? { usage: null } : {}),
      })}\n\n`,
    );

  if (script.kind === 'malformed') {
    sse.write('data: {"id":"broken","choices":[\n\n');
    return sse.end();
  }

  chunk({ role: 'assistant', content: '', refusal: null });
  let text = '';
  for (const [index, delta] of plan.chunks.entries()) {
    if (index > 0 && !(await sse.pause(plan.delayMs))) return;
    if (!sse.alive()) return;
    text += delta;
    chunk({ content: delta });
    onDelta?.({ index, text: delta });
  }
  // Servers such as vLLM report a failure inside the stream as a `data: {"error": …}` event.
  const errorChunk = () => sse.write(`data: ${JSON.stringify({ error: errorEventOf(script) })}\n\n`);
  if (!(await finishFailure(script, sse, errorChunk, errorChunk))) return;

  if (plan.handoffArgs !== undefined) {
    if (!(await sse.pause(plan.delayMs))) return;
    chunk({ tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: HANDOFF_TOOL, arguments: '' } }] });
    for (const part of splitInTwo(plan.handoffArgs)) {
      chunk({ tool_calls: [{ index: 0, function: { arguments: part } }] });
    }
    chunk({}, 'tool_calls');
  } else {
    chunk({}, 'stop');
  }
  if (includeUsage) {
    sse.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: now(), model: body.model, system_fingerprint: 'fp_fake', choices: [], usage: usageOf(text) })}\n\n`,
    );
  }
  sse.write('data: [DONE]\n\n');
  sse.end();
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

type Plan = { text: string; chunks: string[]; handoffArgs: string | undefined; delayMs: number; usage: FakeUsage | null | undefined };

function planOf(script: FakeOpenAiScript): Plan {
  const textOf = (text: string, chunks?: string[]) => ({ text: chunks ? chunks.join('') : text, chunks: chunks ?? words(text) });
  switch (script.kind) {
    case 'answer':
      return { ...textOf(script.text, script.chunks), handoffArgs: undefined, delayMs: script.delayMs ?? 0, usage: script.usage };
    case 'handoff':
      return {
        ...textOf(script.leadIn ?? ''),
        handoffArgs: JSON.stringify({ note: script.note ?? '' }),
        delayMs: script.delayMs ?? 0,
        usage: undefined,
      };
    case 'stall':
    case 'drop':
      return { ...textOf(script.text), handoffArgs: undefined, delayMs: 0, usage: undefined };
    case 'stream_error':
      return { ...textOf(script.text ?? ''), handoffArgs: undefined, delayMs: 0, usage: undefined };
    default:
      return { text: '', chunks: [], handoffArgs: undefined, delayMs: 0, usage: undefined };
  }
}

/**
 * After the text of a failing script: stall, drop or report the error. Returns true when the
 * stream should go on normally.
 */
async function finishFailure(script: FakeOpenAiScript, sse: Sse, errorEvent: () => void, responseFailed: () => void): Promise<boolean> {
  switch (script.kind) {
    case 'stall':
      return false; // leave the stream open and silent
    case 'drop':
      await sse.pause(5);
      sse.destroy();
      return false;
    case 'stream_error':
      if (script.via === 'response_failed') responseFailed();
      else errorEvent();
      sse.end();
      return false;
    default:
      return true;
  }
}

function errorEventOf(script: FakeOpenAiScript) {
  const failed = script.kind === 'stream_error' ? script : undefined;
  return { type: 'error', code: failed?.code ?? 'server_error', message: failed?.message ?? 'The model failed.', param: null };
}

type Sse = {
  write(text: string): void;
  alive(): boolean;
  /** Waits `ms`; false when the client went away meanwhile. */
  pause(ms: number): Promise<boolean>;
  end(): void;
  destroy(): void;
};

function openSse(req: IncomingMessage, res: ServerResponse): Sse {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  const alive = () => !res.destroyed && !res.writableEnded;
  return {
    write: (text) => {
      if (alive()) res.write(text);
    },
    alive,
    pause: (ms) =>
      new Promise<boolean>((resolve) => {
        if (!alive()) return resolve(false);
        const onClose = () => {
          clearTimeout(timer);
          resolve(false);
        };
        const timer = setTimeout(() => {
          res.off('close', onClose);
          resolve(alive());
        }, ms);
        res.once('close', onClose);
      }),
    end: () => {
      if (alive()) res.end();
    },
    destroy: () => req.socket.destroy(),
  };
}

function sendCannedError(res: ServerResponse, name: FakeErrorName, vectorStoreId?: string, model = 'gpt-4.1-mini'): void {
  const [status, error, headers] = cannedError(name, vectorStoreId, model);
  sendError(res, status, error, headers);
}

type ErrorBody = { message: string; type: string; param?: string; code?: string };

function cannedError(name: FakeErrorName, vectorStoreId: string | undefined, model: string): [number, ErrorBody, Record<string, string>?] {
  switch (name) {
    case 'forbidden_vector_store':
      return [
        403,
        {
          message: `Key lacks access to vector store ${vectorStoreId ?? 'vs_unknown'}.`,
          type: 'invalid_request_error',
          param: 'tools[0].vector_store_ids',
        },
      ];
    case 'unknown_model':
      return [
        404,
        {
          message: `The model \`${model}\` does not exist or you do not have access to it.`,
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      ];
    case 'rate_limited':
      return [
        429,
        {
          message: `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`,
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
        { 'retry-after': '20' },
      ];
    case 'insufficient_quota':
      return [
        429,
        {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      ];
    case 'server_error':
      return [500, { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error' }];
  }
}

function sendError(res: ServerResponse, status: number, error: ErrorBody, headers: Record<string, string> = {}): void {
  sendJson(
    res,
    status,
    { error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code ?? null } },
    headers,
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function fileSearchStores(body: GenerationBody): string[] {
  return (body.tools ?? []).filter((tool) => tool.type === 'file_search').flatMap((tool) => tool.vector_store_ids ?? []);
}

function lastUserText(body: GenerationBody): string {
  const input = Array.isArray(body.input) ? (body.input as { role?: string; content?: unknown }[]) : [];
  const last = input.filter((item) => item.role === 'user').at(-1);
  return typeof last?.content === 'string' ? last.content : '';
}

/** OpenAI-style masking of a bad key in its 401 message (`sk-ab***wxyz`). */
function maskKey(authorization: string | undefined): string {
  const key = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  return key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(Math.max(0, key.length - 7))}${key.slice(-4)}` : '***';
}

function modelObject(id: string) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'system' };
}

/** Word-sized chunks that join back to exactly `text`. */
function words(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

function splitInTwo(text: string): string[] {
  const middle = Math.ceil(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)].filter(Boolean);
}

function estimate(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function randomId(): string {
  return randomBytes(8).toString('hex');
}

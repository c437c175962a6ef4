// The property-based HTTP fuzzer: batches of generated requests (every REST operation of the
// OpenAPI document, and the multipart upload routes) against the API running as a child process.
// After every batch the process must still run, /health must answer and a real chat must work;
// every answer must be < 500, and every error a typed `{ code, message }` whose code's status is
// the answer's status.
import {
  type Ack,
  type AttachmentUploadResult,
  type CreatedSiteDto,
  ERROR_STATUS,
  type ErrorCode,
  type MessageAckData,
  type VisitorJoinResult,
} from '@chatiq/contracts';
import fc from 'fast-check';
import type { ApiProcess } from '../api-process.js';
import { createChatProbe } from '../chat-probe.js';
import { api, connectWidget, newClientId, ok, registerOwner } from '../clients.js';
import { describe, type FuzzContext, type FuzzRequest, toWire } from './fuzz-request.js';
import { FUZZ_UPLOAD_MAX_BYTES, multipartRequest } from './multipart-requests.js';
import { sendRaw, type WireAnswer, type WireRequest } from './raw-http.js';
import { loadOperations, restRequest } from './rest-requests.js';

/** The API's environment under the fuzzer: limits that would only refuse the fuzzer are lifted; uploads are small. */
export const FUZZ_API_ENV: Record<string, string> = {
  WIDGET_RATE_LIMIT: '1000000',
  AUTH_RATE_LIMIT: '1000000',
  SOCKET_EVENTS_PER_SECOND: '100000',
  UPLOAD_MAX_BYTES: String(FUZZ_UPLOAD_MAX_BYTES),
};

export type FuzzOptions = {
  seed: number;
  /** Batches (fast-check runs). */
  runs: number;
  /** Requests per batch. */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stop (without failing) after this long. */
  timeLimitMs?: number;
};

export type FuzzStats = {
  seed: number;
  batches: number;
  requests: number;
  /** The process exited (must be 0). */
  crashes: number;
  /** Answers ≥ 500 (must be 0). */
  serverErrors: number;
  /** Errors without a typed code, or with a code whose status is not the answer's. */
  untyped: number;
  /** Requests cut off on purpose (no answer expected). */
  aborted: number;
  /** Answers by status. */
  statuses: Record<string, number>;
  /** Operations (and multipart framings) exercised, with counts. */
  operations: number;
  slowestMs: number;
  slowest: string;
};

export type FuzzOutcome = { stats: FuzzStats; failure: string | null };

const TOLERATED_RESET_BYTES = 256 * 1024;
const NODE_MAX_HEADER_BYTES = 16 * 1024;

/** A fresh organization per batch (a batch may log its token out, delete its site, rotate keys). */
async function newContext(url: string): Promise<FuzzContext> {
  const owner = await registerOwner(url);
  const token = owner.accessToken;
  const site = (await api<CreatedSiteDto>(url, 'POST', '/sites', { token, body: { name: 'Fuzzed' } })).body;
  const visitor = await connectWidget(url, site.publicId);
  try {
    const { visitorId } = ok((await visitor.timeout(10_000).emitWithAck('visitor:join', {})) as Ack<VisitorJoinResult>);
    const sent = ok(
      (await visitor.timeout(10_000).emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello' })) as Ack<MessageAckData>,
    );
    const form = new FormData();
    for (const [k, v] of Object.entries({ siteId: site.publicId, visitorId, clientId: newClientId() })) form.append(k, v);
    form.append('file', new Blob(['some notes\n']), 'notes.txt');
    const upload = await fetch(`${url}/widget/attachments`, { method: 'POST', body: form });
    if (upload.status !== 201) throw new Error(`context: upload answered ${upload.status} ${await upload.text()}`);
    const uploaded = (await upload.json()) as AttachmentUploadResult;
    const template = await api<{ id: string }>(url, 'POST', '/templates', { token, body: { shortcut: `t${Date.now()}`, text: 'Hi' } });
    return {
      token,
      siteId: site.id,
      sitePublicId: site.publicId,
      visitorId,
      chatId: sent.message.chatId,
      messageId: uploaded.message.id,
      userId: owner.user.id,
      templateId: template.body.id ?? 'no-template',
    };
  } finally {
    visitor.close();
  }
}

/** Why `answer` to `request` (`wire` on the wire) breaks the rules, or null. */
function judge(request: FuzzRequest, wire: WireRequest, answer: WireAnswer, stats: FuzzStats): string | null {
  if (answer.kind === 'aborted') {
    stats.aborted++;
    return null;
  }
  if (answer.kind === 'no-answer') {
    // A server that refuses a request early (a body over the limit: 413; a request line or headers
    // over Node's 16 KB: 431) closes the connection while the client still sends; the reset that
    // causes can drop the answer before the client reads it. Counted, not a failure.
    const headBytes = wire.target.length + wire.headers.reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);
    if (
      (answer.reason === 'ECONNRESET' || answer.reason === 'EPIPE') &&
      (wire.body.length >= TOLERATED_RESET_BYTES || headBytes >= NODE_MAX_HEADER_BYTES)
    ) {
      stats.statuses.reset = (stats.statuses.reset ?? 0) + 1;
      return null;
    }
    return `no answer (${answer.reason}) after ${answer.ms} ms`;
  }
  stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
  if (answer.ms > stats.slowestMs) {
    stats.slowestMs = answer.ms;
    stats.slowest = request.label;
  }
  if (answer.status >= 500) {
    stats.serverErrors++;
    return `answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 500)}`;
  }
  if (answer.status < 400) return null;
  let body: { code?: string; message?: unknown };
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    stats.untyped++;
    return `answered ${answer.status} without a JSON error body: ${JSON.stringify(answer.body.toString('latin1').slice(0, 300))}`;
  }
  const expected = ERROR_STATUS[body.code as ErrorCode];
  if (typeof body.message !== 'string' || expected !== answer.status) {
    stats.untyped++;
    return `answered ${answer.status} with ${JSON.stringify(body).slice(0, 300)} (not a typed error of that status)`;
  }
  return null;
}

/** An error's message with its cause (fetch's "fetch failed" says why only there). */
function describeError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

async function inBatches<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** Runs the fuzzer against `target`; never throws for what it finds (see `failure`). */
export async function runHttpFuzz(target: ApiProcess, options: FuzzOptions): Promise<FuzzOutcome> {
  const operations = await loadOperations(target.url);
  const probe = await createChatProbe(target.url);
  const stats: FuzzStats = {
    seed: options.seed,
    batches: 0,
    requests: 0,
    crashes: 0,
    serverErrors: 0,
    untyped: 0,
    aborted: 0,
    statuses: {},
    operations: 0,
    slowestMs: 0,
    slowest: '',
  };
  const seen = new Set<string>();
  const request = fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...operations.filter((op) => op.body?.contentType !== 'multipart/form-data').map(restRequest)) },
    { weight: 1, arbitrary: multipartRequest('widget') },
    { weight: 1, arbitrary: multipartRequest('operator') },
  );

  const alive = async (after: string) => {
    const exit = target.exit();
    if (exit !== null) {
      stats.crashes++;
      throw new Error(`the API process exited (${exit}) ${after}\n--- its last output ---\n${target.output().slice(-4000)}`);
    }
    const health = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(10_000) }).catch((e: Error) => e);
    if (health instanceof Error || health.status !== 200)
      throw new Error(`/health failed ${after}: ${health instanceof Error ? health.message : health.status}`);
    await probe.check().catch((error: Error) => {
      throw new Error(`the chat probe failed ${after}: ${describeError(error)}`);
    });
  };

  const property = fc.asyncProperty(fc.array(request, { minLength: options.batchSize, maxLength: options.batchSize }), async (batch) => {
    // One retry when the connection itself failed: the client may reuse a pooled keep-alive
    // connection the server is closing just then (after a long synchronous generation step).
    const context = await newContext(target.url)
      .catch((error: Error) => {
        if (target.exit() !== null || !(error.cause instanceof Error)) throw error;
        return newContext(target.url);
      })
      .catch((error: Error) => {
        throw new Error(`creating the batch's organization failed (${describeError(error)}); the API ${target.exit() ?? 'still runs'}`);
      });
    const problems: string[] = [];
    await inBatches(batch, options.concurrency ?? 4, async (fuzz) => {
      seen.add(fuzz.label);
      const wire = toWire(fuzz, context);
      const answer = await sendRaw(target.url, wire);
      stats.requests++;
      const problem = judge(fuzz, wire, answer, stats);
      if (problem) problems.push(`${problem}\n  request: ${describe(fuzz)}`);
    });
    stats.batches++;
    stats.operations = seen.size;
    await alive(`after a batch of ${batch.length} requests${problems.length ? ` (${problems.length} bad answers)` : ''}`);
    if (problems.length > 0) throw new Error(`${problems.length} bad answers:\n${problems.slice(0, 5).join('\n')}`);
  });

  let failure: string | null = null;
  try {
    // fc.check, not fc.assert: the report names the bad answers and the seed and path to replay
    // them, without printing every generated body.
    const details = await fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      endOnFailure: true,
      interruptAfterTimeLimit: options.timeLimitMs,
      markInterruptAsFailure: false,
    });
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failure = `batch ${details.numRuns} failed (replay: seed ${details.seed}, path ${details.counterexamplePath}): ${error}`;
      if (stats.serverErrors > 0) failure += `\n--- the API's last output ---\n${target.output().slice(-3000)}`;
      if (target.exit() !== null)
        failure += `\n--- the API exited (${target.exit()}); its last output ---\n${target.output().slice(-4000)}`;
    }
  } finally {
    probe.close();
  }
  if (target.exit() !== null && stats.crashes === 0) stats.crashes = 1;
  return { stats, failure };
}

#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
// AI streaming benchmark (`pnpm bench:ai`, after `pnpm -r build`): the built API as its own
// process over a fresh PostgreSQL database, the fake OpenAI server (test/support, the same one the
// tests use) and a widget socket in THIS process, so one clock times both ends. One visitor asks
// N questions in a row; each answer streams from the fake through the API to the widget.
// Prints one JSON object:
//   firstTokenOverheadMs   p50/p95/p99 of: the fake wrote the answer's first delta to its HTTP
//                          response → the widget received `ai:delta` index 0. What the API adds
//                          to the provider's first token (SDK parsing, our loop, Socket.IO). Budget 30 ms.
//   deltaOverheadMs        the same for every delta of every answer
//   timeToFirstTokenMs     `visitor:message` sent → first `ai:delta` at the widget (includes the
//                          database work before the request and the fake's own answer time)
//   answerMs               `visitor:message` sent → `ai:done` (answer stored and delivered)
// Settings (env): BENCH_AI_ANSWERS (300), BENCH_AI_WARMUP (20), BENCH_AI_DELAY_MS (2, between
// the fake's deltas), BENCH_AI_BACKEND (responses | chat_completions).
// Needs Node with TypeScript type stripping (≥ 23.6; the toolchain's Node 24) to load the fake.
import path from 'node:path';
import {
  apiRoot,
  ascending,
  connect,
  envNumber as env,
  json,
  percentile,
  seedOwnerAndSite,
  sleep,
  startBenchApi,
} from './bench-support.mjs';

const ANSWERS = env('BENCH_AI_ANSWERS', 300);
const WARMUP = env('BENCH_AI_WARMUP', 20);
const DELAY_MS = env('BENCH_AI_DELAY_MS', 2);
const BACKEND = process.env.BENCH_AI_BACKEND ?? 'responses';
const BUDGET_MS = 30;
const log = (...args) => console.error('[bench:ai]', ...args);

function stats(samples) {
  const sorted = ascending(samples);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}

const { startFakeOpenAi } = await import(path.join(apiRoot, 'test', 'support', 'fake-openai-server.ts'));

const apiKey = `sk-bench-${randomBytes(16).toString('hex')}`;
/** When the fake wrote each delta of the current answer, by index. */
let wroteAt = new Map();
const fake = await startFakeOpenAi({
  apiKey,
  onDelta: ({ index }) => wroteAt.set(index, performance.now()),
});
const answerText = Array.from({ length: 24 }, (_, i) => `token${i}`).join(' ');
fake.script({ kind: 'answer', text: answerText, delayMs: DELAY_MS });

let widget;
const api = await startBenchApi({
  dbPrefix: 'chatiq_bench_ai',
  // The fake provider is on loopback: allowed explicitly, as a self-hoster allows a local model.
  env: { AI_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`, EGRESS_ALLOW: fake.egressAllow },
  log,
});
try {
  const { url } = api;
  log('seeding');
  const { owner, site } = await seedOwnerAndSite(url);
  await json(
    `${url}/sites/${site.id}/ai`,
    'PUT',
    {
      enabled: true,
      apiKey,
      baseUrl: fake.url,
      backend: BACKEND,
      model: 'gpt-4.1-mini',
      instructions: 'You are a benchmark.',
      dailyTokenCap: 1_000_000_000,
      chatTokenCap: 100_000_000,
    },
    owner.accessToken,
  );

  widget = await connect(`${url}/widget`, { siteId: site.publicId });
  await widget.emitWithAck('visitor:join', {});

  const firstToken = [];
  const deltas = [];
  const timeToFirstToken = [];
  const answer = [];
  let current = null;
  widget.on('ai:delta', ({ index, delta }) => {
    const now = performance.now();
    if (!current) return;
    const wrote = wroteAt.get(index);
    if (wrote !== undefined) {
      current.deltas.push(now - wrote);
      if (index === 0) current.firstToken = now - wrote;
    }
    if (index === 0) current.timeToFirstToken = now - current.sentAt;
    current.text += delta;
  });
  widget.on('ai:done', ({ message }) => current?.done(message));
  widget.on('ai:handoff', (payload) => current?.fail(new Error(`handed over: ${JSON.stringify(payload)}`)));

  log(`${ANSWERS} answers (${WARMUP} warm-up), ${BACKEND}, fake deltas ${DELAY_MS} ms apart`);
  for (let i = 0; i < ANSWERS + WARMUP; i++) {
    wroteAt = new Map();
    const finished = new Promise((resolve, reject) => {
      current = { sentAt: performance.now(), deltas: [], text: '', done: resolve, fail: reject };
    });
    const run = current;
    widget.emit('visitor:message', { clientId: `bench-ai-${i}`, text: `question ${i}` }, () => {});
    const message = await Promise.race([finished, sleep(10_000).then(() => Promise.reject(new Error(`answer ${i} took over 10 s`)))]);
    if (message.text !== run.text || run.text !== answerText) throw new Error(`answer ${i} does not match its deltas`);
    if (i < WARMUP) continue;
    firstToken.push(run.firstToken);
    deltas.push(...run.deltas);
    timeToFirstToken.push(run.timeToFirstToken);
    answer.push(performance.now() - run.sentAt);
  }

  const overhead = stats(firstToken);
  console.log(
    JSON.stringify({
      answers: ANSWERS,
      backend: BACKEND,
      fakeDeltaIntervalMs: DELAY_MS,
      deltasPerAnswer: answerText.split(' ').length,
      firstTokenOverheadMs: overhead,
      deltaOverheadMs: stats(deltas),
      timeToFirstTokenMs: stats(timeToFirstToken),
      answerMs: stats(answer),
      budgetMs: BUDGET_MS,
      withinBudget: overhead.p99 !== null && overhead.p99 <= BUDGET_MS,
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
    }),
  );
} finally {
  widget?.close();
  await api.stop();
  await fake.close();
}

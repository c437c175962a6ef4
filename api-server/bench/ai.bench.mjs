#!/usr/bin/env node
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
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireTestServer, createDatabase, dropDatabase, freePort, uniqueDatabaseName } from '@chatiq/dev-postgres';
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiRoot = path.resolve(here, '..');
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ANSWERS = env('BENCH_AI_ANSWERS', 300);
const WARMUP = env('BENCH_AI_WARMUP', 20);
const DELAY_MS = env('BENCH_AI_DELAY_MS', 2);
const BACKEND = process.env.BENCH_AI_BACKEND ?? 'responses';
const BUDGET_MS = 30;
const log = (...args) => console.error('[bench:ai]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}
async function waitHealthy(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} never came up`);
}
async function json(url, method, body, token) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}
function connect(url, auth) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
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

const server = await acquireTestServer();
const dbName = uniqueDatabaseName('chatiq_bench_ai');
const databaseUrl = await createDatabase(server.url, dbName);
let api;
let widget;
try {
  log('migrating');
  execFileSync(path.join(apiRoot, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: apiRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [path.join(apiRoot, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-bench',
      AI_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'warn',
      BCRYPT_ROUNDS: '4',
      SOCKET_EVENTS_PER_SECOND: '100000',
      AUTH_RATE_LIMIT: '100000',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitHealthy(`${url}/health`);

  log('seeding');
  const owner = await json(`${url}/auth/register`, 'POST', {
    email: 'bench@example.com',
    password: 'bench-password',
    name: 'Bench',
    organizationName: 'Bench',
  });
  const site = await json(`${url}/sites`, 'POST', { name: 'Bench site' }, owner.accessToken);
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
  api?.kill('SIGTERM');
  await sleep(500);
  await fake.close();
  await dropDatabase(server.url, dbName).catch(() => {});
  await server.stop();
}

#!/usr/bin/env node
// Realtime benchmark (`pnpm bench:realtime`): the built API as its own process over a fresh
// PostgreSQL database, N visitors chatting with M operators. Prints one JSON object:
//   p50Ms / p95Ms / p99Ms     delivery latency over both directions (visitor → operator, operator → visitor)
//   visitorToOperator / operatorToVisitor   the same per direction
//   relayP50Ms / relayP99Ms   the same load over a bare Socket.IO relay (no auth, no DB): the floor
//   msgsPerSec                sustained persisted messages/s (acknowledged = stored), saturating load
//   rssKbPerIdleSocket        API RSS growth per idle connected (joined) visitor
// Settings (env): BENCH_VISITORS (1000), BENCH_OPERATORS (50), BENCH_SECONDS (20),
// BENCH_MESSAGE_INTERVAL_MS (5000, per visitor), BENCH_IDLE_SOCKETS (10000), BENCH_THROUGHPUT_SOCKETS (200).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@chatiq/dev-postgres';
import { PrismaPg } from '@prisma/adapter-pg';
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

const here = path.join(apiRoot, 'bench');
const VISITORS = env('BENCH_VISITORS', 1000);
const OPERATORS = env('BENCH_OPERATORS', 50);
const SECONDS = env('BENCH_SECONDS', 20);
const INTERVAL_MS = env('BENCH_MESSAGE_INTERVAL_MS', 5000);
const IDLE_SOCKETS = env('BENCH_IDLE_SOCKETS', 10000);
const THROUGHPUT_SOCKETS = env('BENCH_THROUGHPUT_SOCKETS', 200);
const log = (...args) => console.error('[bench]', ...args);

function stats(samples) {
  const sorted = ascending(samples);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}
function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}
async function inBatches(count, size, make) {
  const out = [];
  for (let i = 0; i < count; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

/** Visitors write every INTERVAL_MS (jittered); their operator answers each message at once. */
async function chatLoad({ visitors, operators, emitVisitor, emitOperator, chatOf }) {
  const sentAt = new Map();
  const v2o = [];
  const o2v = [];
  for (const op of operators) {
    op.on('message:created', ({ message }) => {
      if (message.authorKind === 'OPERATOR') return;
      const t0 = sentAt.get(message.clientId);
      if (t0 === undefined) return;
      sentAt.delete(message.clientId);
      if (measuring) v2o.push(performance.now() - t0);
      const clientId = `o-${message.clientId}`;
      sentAt.set(clientId, performance.now());
      emitOperator(op, message.chatId, clientId);
    });
  }
  for (const v of visitors) {
    v.on('admin:message', (message) => {
      const t0 = sentAt.get(message.clientId);
      if (t0 === undefined) return;
      sentAt.delete(message.clientId);
      if (measuring) o2v.push(performance.now() - t0);
    });
  }
  let measuring = false;
  let stop = false;
  let n = 0;
  const loops = visitors.map(async (v, i) => {
    await sleep(Math.random() * INTERVAL_MS);
    while (!stop) {
      const clientId = `bench-v-${i}-${n++}`;
      sentAt.set(clientId, performance.now());
      emitVisitor(v, chatOf(i), clientId);
      await sleep(INTERVAL_MS * (0.5 + Math.random()));
    }
  });
  await sleep(Math.min(INTERVAL_MS, 5000)); // warm-up
  measuring = true;
  await sleep(SECONDS * 1000);
  measuring = false;
  stop = true;
  await Promise.all(loops);
  await sleep(500);
  return { v2o: stats(v2o), o2v: stats(o2v), all: stats([...v2o, ...o2v]) };
}

const sockets = [];
let relay;
const api = await startBenchApi({ dbPrefix: 'chatiq_bench', log });
try {
  const { url, databaseUrl } = api;
  log('seeding');
  const { owner, site } = await seedOwnerAndSite(url);
  const { PrismaClient } = await import(path.join(apiRoot, 'dist', 'src', 'generated', 'prisma', 'client.js'));
  const { createUser } = await import(path.join(apiRoot, 'dist', 'prisma', 'factories.js'));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const operatorTokens = [];
  for (let i = 0; i < OPERATORS; i++) {
    const user = await createUser(prisma, {
      organizationId: owner.user.organizationId,
      email: `op${i}@example.com`,
      password: 'bench-password',
      name: `Operator ${i}`,
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    await prisma.siteUser.create({ data: { organizationId: owner.user.organizationId, siteId: site.id, userId: user.id } });
    operatorTokens.push((await json(`${url}/auth/login`, 'POST', { email: `op${i}@example.com`, password: 'bench-password' })).accessToken);
  }

  // ---- chatting visitors and operators over the real API --------------------------------------
  log(`connecting ${VISITORS} visitors and ${OPERATORS} operators`);
  const visitors = await inBatches(VISITORS, 100, async (i) => {
    const s = await connect(`${url}/widget`, { siteId: site.publicId });
    await s.emitWithAck('visitor:join', {});
    const first = await s.emitWithAck('visitor:message', { clientId: `bench-hello-${i}`, text: `hello from ${i}` });
    s.chatId = first.data.message.chatId;
    return s;
  });
  sockets.push(...visitors);
  const operators = await inBatches(OPERATORS, 50, async (i) => {
    const s = await connect(`${url}/admin`, { token: operatorTokens[i] });
    for (let v = i; v < VISITORS; v += OPERATORS) await s.emitWithAck('admin:join', { chatId: visitors[v].chatId });
    return s;
  });
  sockets.push(...operators);
  log(`chatting for ${SECONDS}s (a message every ~${INTERVAL_MS} ms per visitor, every one answered)`);
  const real = await chatLoad({
    visitors,
    operators,
    chatOf: (i) => visitors[i].chatId,
    emitVisitor: (v, _chatId, clientId) => v.emit('visitor:message', { clientId, text: `message ${clientId}` }, () => {}),
    emitOperator: (op, chatId, clientId) => op.emit('admin:message', { chatId, clientId, text: `reply ${clientId}` }, () => {}),
  });
  for (const s of sockets.splice(0)) s.close();

  // ---- throughput: persisted messages per second under saturating load ------------------------
  log(`throughput: ${THROUGHPUT_SOCKETS} visitors sending back to back for 10 s`);
  const writers = await inBatches(THROUGHPUT_SOCKETS, 100, async () => {
    const s = await connect(`${url}/widget`, { siteId: site.publicId });
    await s.emitWithAck('visitor:join', {});
    return s;
  });
  sockets.push(...writers);
  const countBefore = await prisma.message.count();
  let acked = 0;
  let running = true;
  const started = performance.now();
  await Promise.all(
    writers.map(async (s, i) => {
      let n = 0;
      while (running) {
        const ack = await s.emitWithAck('visitor:message', { clientId: `bench-t-${i}-${n++}`, text: 'throughput' });
        if (ack.ok) acked++;
        if (performance.now() - started > 10_000) running = false;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const stored = (await prisma.message.count()) - countBefore;
  for (const s of sockets.splice(0)) s.close();

  // ---- idle sockets ---------------------------------------------------------------------------
  log(`idle: ${IDLE_SOCKETS} joined visitors`);
  await sleep(2000);
  const rssBefore = rssKb(api.pid);
  const idle = await inBatches(IDLE_SOCKETS, 250, async () => {
    const s = await connect(`${url}/widget`, { siteId: site.publicId });
    await s.emitWithAck('visitor:join', {});
    return s;
  });
  sockets.push(...idle);
  await sleep(3000);
  const rssAfter = rssKb(api.pid);
  for (const s of sockets.splice(0)) s.close();
  await prisma.$disconnect();

  // ---- the floor: a bare Socket.IO relay with the same chat load ------------------------------
  log('bare relay: same chat load');
  const relayPort = await freePort();
  relay = spawn(process.execPath, [path.join(here, 'bare-relay.mjs')], {
    env: { ...process.env, PORT: String(relayPort) },
    stdio: 'ignore',
  });
  await sleep(500);
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  const rVisitors = await inBatches(VISITORS, 100, (i) => connect(relayUrl, { role: 'visitor', room: String(i) }));
  sockets.push(...rVisitors);
  const rOperators = await inBatches(OPERATORS, 50, (i) => {
    const rooms = [];
    for (let v = i; v < VISITORS; v += OPERATORS) rooms.push(String(v));
    return connect(relayUrl, { role: 'operator', room: rooms });
  });
  sockets.push(...rOperators);
  const floor = await chatLoad({
    visitors: rVisitors,
    operators: rOperators,
    chatOf: (i) => String(i),
    emitVisitor: (v, chatId, clientId) => v.emit('visitor:message', { chatId, clientId, authorKind: 'VISITOR' }, () => {}),
    emitOperator: (op, chatId, clientId) => op.emit('admin:message', { chatId, clientId, authorKind: 'OPERATOR' }, () => {}),
  });

  const result = {
    visitors: VISITORS,
    operators: OPERATORS,
    seconds: SECONDS,
    messageIntervalMsPerVisitor: INTERVAL_MS,
    p50Ms: real.all.p50Ms,
    p95Ms: real.all.p95Ms,
    p99Ms: real.all.p99Ms,
    deliveries: real.all.count,
    visitorToOperator: real.v2o,
    operatorToVisitor: real.o2v,
    relayP50Ms: floor.all.p50Ms,
    relayP99Ms: floor.all.p99Ms,
    p99VsRelay: floor.all.p99Ms ? Math.round((real.all.p99Ms / floor.all.p99Ms) * 100) / 100 : null,
    msgsPerSec: Math.round(acked / elapsed),
    throughputAcked: acked,
    throughputStored: stored,
    idleSockets: IDLE_SOCKETS,
    rssKbPerIdleSocket: Math.round(((rssAfter - rssBefore) / IDLE_SOCKETS) * 10) / 10,
    apiRssKbBeforeIdle: rssBefore,
    apiRssKbWithIdle: rssAfter,
    cpus: (await import('node:os')).cpus().length,
    node: process.version,
  };
  console.log(JSON.stringify(result));
} finally {
  for (const s of sockets) s.close();
  relay?.kill('SIGTERM');
  await api.stop();
}

#!/usr/bin/env node
// Realtime benchmark (`pnpm bench:realtime`, after `pnpm -r build`): the built API as its own
// process over a fresh PostgreSQL database, N visitors chatting with M operators, and the same load
// over a bare Socket.IO relay (bare-relay.mjs: no auth, no validation, no database) as the floor.
// Prints one JSON object:
//   p50Ms / p95Ms / p99Ms     delivery latency through the API over both directions: a visitor's
//                             message sent → its operator got `message:created`, and the operator's
//                             answer sent → the visitor got `admin:message` (each message is stored
//                             before it is delivered)
//   visitorToOperator / operatorToVisitor   the same per direction (count, p50Ms, p95Ms, p99Ms)
//   relayP50Ms / relayP95Ms / relayP99Ms, relay.{visitorToOperator,operatorToVisitor}
//                             the same load, the same payloads, over the bare relay
//   p99VsRelay                p99Ms / relayP99Ms
//   storedRelayP50Ms / storedRelayP95Ms / storedRelayP99Ms, storedRelay.{…}
//                             the same load over the same relay storing each message first (one
//                             INSERT, committed, in the same database server as the API's): the
//                             least any design pays that stores a message before delivering it
//   storedRelayVsRelay        storedRelayP99Ms / relayP99Ms (how much of the 2× that alone takes)
//   p99VsStoredRelay          p99Ms / storedRelayP99Ms (the API's own cost above that floor)
//   msgsPerSec                sustained persisted messages/s: THROUGHPUT_SOCKETS visitors each send
//                             their next message as soon as the previous one is acknowledged
//                             (acknowledged = stored; `throughputStored` counts the rows)
//   rssKbPerIdleSocket        API RSS growth per idle connected (joined) visitor
//   apiCpuMsPerMessage        CPU time (user + system) the API process spent per stored message,
//                             in the chat load (all its fan-out included) and in the throughput run
//   budgets                   each budget of issue 4, met or not
//   loadAverage               the machine's load at the end: other processes widen both tails
// The load: every visitor writes every ~INTERVAL_MS (jittered 0.5–1.5×); the operator who holds
// the chat answers each message as soon as it arrives; every operator is on the site, so its inbox
// also gets the chats' `chats:updated` (the relay has no inbox: only the messages are relayed).
// The API and the relays run in alternating rounds (API, relay, stored relay, API…), each after a
// warm-up, so background load on the machine falls on both alike; the percentiles are over the
// samples of all rounds.
// Settings (env): BENCH_VISITORS (1000), BENCH_OPERATORS (50), BENCH_SECONDS (20, measured per
// side, split over the rounds), BENCH_ROUNDS (2), BENCH_MESSAGE_INTERVAL_MS (5000, per visitor),
// BENCH_IDLE_SOCKETS (10000), BENCH_THROUGHPUT_SOCKETS (200), BENCH_THROUGHPUT_SECONDS (10),
// BENCH_PHASES (chat,throughput,idle: a subset for quick runs), BENCH_API_NODE_ARGS (see bench-support.mjs).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
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
  waitListening,
} from './bench-support.mjs';

const here = path.join(apiRoot, 'bench');
const VISITORS = env('BENCH_VISITORS', 1000);
const OPERATORS = env('BENCH_OPERATORS', 50);
const SECONDS = env('BENCH_SECONDS', 20);
const ROUNDS = Math.max(1, env('BENCH_ROUNDS', 2));
const INTERVAL_MS = env('BENCH_MESSAGE_INTERVAL_MS', 5000);
const IDLE_SOCKETS = env('BENCH_IDLE_SOCKETS', 10000);
const THROUGHPUT_SOCKETS = env('BENCH_THROUGHPUT_SOCKETS', 200);
const THROUGHPUT_SECONDS = env('BENCH_THROUGHPUT_SECONDS', 10);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'chat,throughput,idle').split(','));
const BUDGET = { p99Ms: 25, p99VsRelay: 2, msgsPerSec: 3000, rssKbPerIdleSocket: 40 };
const log = (...args) => console.error('[bench]', ...args);

function stats(samples) {
  const sorted = ascending(samples);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}
function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}
/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
async function inBatches(count, size, make) {
  const out = [];
  for (let i = 0; i < count; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}
const round2 = (n) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);

/**
 * One side's chat load: visitors write every ~INTERVAL_MS, their operator answers each message at
 * once. Measures for `seconds` after a warm-up of one interval (every visitor has started), adds
 * the latencies to `into`, then stops and lets the last answers arrive.
 */
async function chatRound({ visitors, operators, emitVisitor, emitOperator, chatOf, seconds, into }) {
  const sentAt = new Map();
  let measuring = false;
  const onCreated =
    (op) =>
    ({ message }) => {
      if (message.authorKind === 'OPERATOR') return; // a colleague's answer (the sender itself has it from its ack)
      const t0 = sentAt.get(message.clientId);
      if (t0 === undefined) return;
      sentAt.delete(message.clientId);
      if (measuring) into.v2o.push(performance.now() - t0);
      const clientId = `o-${message.clientId}`;
      sentAt.set(clientId, performance.now());
      emitOperator(op, message.chatId, clientId);
    };
  const onAnswer = (message) => {
    const t0 = sentAt.get(message.clientId);
    if (t0 === undefined) return;
    sentAt.delete(message.clientId);
    if (measuring) into.o2v.push(performance.now() - t0);
  };
  const handlers = operators.map((op) => [op, onCreated(op)]);
  for (const [op, handler] of handlers) op.on('message:created', handler);
  for (const v of visitors) v.on('admin:message', onAnswer);
  let stop = false;
  const loops = visitors.map(async (v, i) => {
    await sleep(Math.random() * INTERVAL_MS);
    for (let n = 0; !stop; n++) {
      const clientId = `bench-${into.side}-${into.round}-${i}-${n}`;
      sentAt.set(clientId, performance.now());
      emitVisitor(v, chatOf(i), clientId);
      await sleep(INTERVAL_MS * (0.5 + Math.random()));
    }
  });
  await sleep(INTERVAL_MS); // warm-up: every visitor has started writing
  measuring = true;
  await sleep(seconds * 1000);
  measuring = false;
  stop = true;
  await Promise.all(loops);
  await sleep(500);
  for (const [op, handler] of handlers) op.off('message:created', handler);
  for (const v of visitors) v.off('admin:message', onAnswer);
}

const sockets = [];
const relays = [];
const api = await startBenchApi({ dbPrefix: 'chatiq_bench', log });
try {
  const { url, databaseUrl } = api;
  log('seeding');
  const { owner, site } = await seedOwnerAndSite(url);
  const { PrismaClient } = await import(path.join(apiRoot, 'dist', 'src', 'generated', 'prisma', 'client.js'));
  const { createUser } = await import(path.join(apiRoot, 'dist', 'prisma', 'factories.js'));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const result = { visitors: VISITORS, operators: OPERATORS, seconds: SECONDS, rounds: ROUNDS, messageIntervalMsPerVisitor: INTERVAL_MS };

  // ---- chat load: the API and the bare relay, in alternating rounds ---------------------------
  if (PHASES.has('chat')) {
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
      operatorTokens.push(
        (await json(`${url}/auth/login`, 'POST', { email: `op${i}@example.com`, password: 'bench-password' })).accessToken,
      );
    }
    log(`API: connecting ${VISITORS} visitors and ${OPERATORS} operators`);
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

    /** A relay process (storing each message first when `storeUrl` is given) and its clients. */
    const startRelay = async (name, storeUrl) => {
      log(`${name}: connecting ${VISITORS} visitors and ${OPERATORS} operators`);
      const port = await freePort();
      relays.push(
        spawn(process.execPath, [path.join(here, 'bare-relay.mjs')], {
          env: { ...process.env, PORT: String(port), ...(storeUrl ? { STORE_URL: storeUrl } : {}) },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
      const relayUrl = `http://127.0.0.1:${port}`;
      await waitListening(relayUrl);
      const visitors = await inBatches(VISITORS, 100, (i) => connect(relayUrl, { role: 'visitor', room: String(i) }));
      sockets.push(...visitors);
      const operators = await inBatches(OPERATORS, 50, (i) => {
        const rooms = [];
        for (let v = i; v < VISITORS; v += OPERATORS) rooms.push(String(v));
        return connect(relayUrl, { role: 'operator', room: rooms });
      });
      sockets.push(...operators);
      return { visitors, operators };
    };
    const relay = await startRelay('relay');
    const storedRelay = await startRelay('stored relay', databaseUrl);

    const apiSide = { side: 'api', v2o: [], o2v: [] };
    const relaySide = { side: 'relay', v2o: [], o2v: [] };
    const storedRelaySide = { side: 'storedRelay', v2o: [], o2v: [] };
    const perRound = SECONDS / ROUNDS;
    let apiCpu = 0;
    let apiStored = 0;
    for (let round = 0; round < ROUNDS; round++) {
      log(`round ${round + 1}/${ROUNDS}: API, ${perRound}s (a message every ~${INTERVAL_MS} ms per visitor, every one answered)`);
      const cpuBefore = cpuMs(api.pid);
      const storedBefore = await prisma.message.count();
      await chatRound({
        visitors,
        operators,
        seconds: perRound,
        into: Object.assign(apiSide, { round }),
        chatOf: (i) => visitors[i].chatId,
        emitVisitor: (v, _chatId, clientId) => v.emit('visitor:message', { clientId, text: `message ${clientId}` }, () => {}),
        emitOperator: (op, chatId, clientId) => op.emit('admin:message', { chatId, clientId, text: `reply ${clientId}` }, () => {}),
      });
      apiCpu += cpuMs(api.pid) - cpuBefore;
      apiStored += (await prisma.message.count()) - storedBefore;
      for (const [name, side, { visitors: rVisitors, operators: rOperators }] of [
        ['relay', relaySide, relay],
        ['stored relay', storedRelaySide, storedRelay],
      ]) {
        log(`round ${round + 1}/${ROUNDS}: ${name}, ${perRound}s`);
        await chatRound({
          visitors: rVisitors,
          operators: rOperators,
          seconds: perRound,
          into: Object.assign(side, { round }),
          chatOf: (i) => String(i),
          emitVisitor: (v, chatId, clientId) => v.emit('visitor:message', { chatId, clientId, text: `message ${clientId}` }, () => {}),
          emitOperator: (op, chatId, clientId) => op.emit('admin:message', { chatId, clientId, text: `reply ${clientId}` }, () => {}),
        });
      }
    }
    for (const s of sockets.splice(0)) s.close();
    for (const r of relays.splice(0)) r.kill('SIGTERM');

    const real = { all: stats([...apiSide.v2o, ...apiSide.o2v]), v2o: stats(apiSide.v2o), o2v: stats(apiSide.o2v) };
    const floor = { all: stats([...relaySide.v2o, ...relaySide.o2v]), v2o: stats(relaySide.v2o), o2v: stats(relaySide.o2v) };
    const storedFloor = {
      all: stats([...storedRelaySide.v2o, ...storedRelaySide.o2v]),
      v2o: stats(storedRelaySide.v2o),
      o2v: stats(storedRelaySide.o2v),
    };
    Object.assign(result, {
      p50Ms: real.all.p50Ms,
      p95Ms: real.all.p95Ms,
      p99Ms: real.all.p99Ms,
      deliveries: real.all.count,
      visitorToOperator: real.v2o,
      operatorToVisitor: real.o2v,
      relayP50Ms: floor.all.p50Ms,
      relayP95Ms: floor.all.p95Ms,
      relayP99Ms: floor.all.p99Ms,
      relay: { deliveries: floor.all.count, visitorToOperator: floor.v2o, operatorToVisitor: floor.o2v },
      storedRelayP50Ms: storedFloor.all.p50Ms,
      storedRelayP95Ms: storedFloor.all.p95Ms,
      storedRelayP99Ms: storedFloor.all.p99Ms,
      storedRelay: { deliveries: storedFloor.all.count, visitorToOperator: storedFloor.v2o, operatorToVisitor: storedFloor.o2v },
      storedRelayVsRelay: floor.all.p99Ms ? round2(storedFloor.all.p99Ms / floor.all.p99Ms) : null,
      p99VsStoredRelay: storedFloor.all.p99Ms ? round2(real.all.p99Ms / storedFloor.all.p99Ms) : null,
      p99VsRelay: floor.all.p99Ms ? round2(real.all.p99Ms / floor.all.p99Ms) : null,
      apiCpuMsPerMessage: { chat: apiStored ? Math.round((apiCpu / apiStored) * 1000) / 1000 : null },
    });
  }

  // ---- throughput: persisted messages per second under saturating load ------------------------
  if (PHASES.has('throughput')) {
    log(`throughput: ${THROUGHPUT_SOCKETS} visitors sending back to back for ${THROUGHPUT_SECONDS} s`);
    const writers = await inBatches(THROUGHPUT_SOCKETS, 100, async () => {
      const s = await connect(`${url}/widget`, { siteId: site.publicId });
      await s.emitWithAck('visitor:join', {});
      return s;
    });
    sockets.push(...writers);
    const countBefore = await prisma.message.count();
    const cpuBefore = cpuMs(api.pid);
    let acked = 0;
    let running = true;
    const started = performance.now();
    await Promise.all(
      writers.map(async (s, i) => {
        for (let n = 0; running; n++) {
          const ack = await s.emitWithAck('visitor:message', { clientId: `bench-t-${i}-${n}`, text: 'throughput' });
          if (ack.ok) acked++;
          if (performance.now() - started > THROUGHPUT_SECONDS * 1000) running = false;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const stored = (await prisma.message.count()) - countBefore;
    const cpu = cpuMs(api.pid) - cpuBefore;
    for (const s of sockets.splice(0)) s.close();
    Object.assign(result, {
      msgsPerSec: Math.round(acked / elapsed),
      throughputAcked: acked,
      throughputStored: stored,
      apiCpuMsPerMessage: { ...result.apiCpuMsPerMessage, throughput: stored ? Math.round((cpu / stored) * 1000) / 1000 : null },
    });
  }

  // ---- idle sockets ---------------------------------------------------------------------------
  if (PHASES.has('idle')) {
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
    Object.assign(result, {
      idleSockets: IDLE_SOCKETS,
      rssKbPerIdleSocket: Math.round(((rssAfter - rssBefore) / IDLE_SOCKETS) * 10) / 10,
      apiRssKbBeforeIdle: rssBefore,
      apiRssKbWithIdle: rssAfter,
    });
  }
  await prisma.$disconnect();

  const met = (value, ok) => (value === undefined || value === null ? null : ok(value));
  result.budgets = {
    p99Ms: met(result.p99Ms, (v) => v <= BUDGET.p99Ms),
    p99VsRelay: met(result.p99VsRelay, (v) => v <= BUDGET.p99VsRelay),
    msgsPerSec: met(result.msgsPerSec, (v) => v >= BUDGET.msgsPerSec),
    rssKbPerIdleSocket: met(result.rssKbPerIdleSocket, (v) => v <= BUDGET.rssKbPerIdleSocket),
  };
  result.cpus = os.cpus().length;
  result.loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
  result.node = process.version;
  console.log(JSON.stringify(result));
} finally {
  for (const s of sockets) s.close();
  for (const r of relays) r.kill('SIGTERM');
  await api.stop();
}

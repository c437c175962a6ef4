#!/usr/bin/env node
// Keeps one service running: starts it, and when it dies starts it again after a pause that
// doubles with each quick crash (1 s, 2 s, 4 s … up to 30 s; back to 1 s once it stayed up for
// 60 s). start.sh runs one supervisor per service:
//
//   node scripts/supervise.mjs --name api --state .run/api.state.json --log .run/logs/supervisor.log -- node dist/src/main.js
//
// The service runs in its own process group with the supervisor's stdout and stderr (the
// service's log). Every start and exit is written there and, as one line, to the --log file.
// --state is a small JSON file, rewritten on every change, that status.sh and stop.sh read:
// { name, supervisorPid, state: running | backoff | stopping | stopped, pid, startedAt, restarts,
//   lastExit: { code, signal, at, uptimeSeconds } | null, nextStartAt }.
// SIGTERM or SIGINT stops the service (--stop-signal to its process group, SIGKILL after
// --stop-timeout seconds) and then the supervisor, without a restart.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: options, positionals: command } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    state: { type: 'string' },
    log: { type: 'string' },
    backoff: { type: 'string', default: '1' },
    'max-backoff': { type: 'string', default: '30' },
    'stable-after': { type: 'string', default: '60' },
    'stop-signal': { type: 'string', default: 'SIGTERM' },
    'stop-timeout': { type: 'string', default: '10' },
  },
});

/**
 * A positive number of seconds from a flag, in milliseconds.
 * @param {'backoff' | 'max-backoff' | 'stable-after' | 'stop-timeout'} flag
 */
function seconds(flag) {
  const value = Number(options[flag]);
  if (!Number.isFinite(value) || value <= 0) usage(`--${flag} must be a positive number of seconds`);
  return value * 1000;
}

/** @param {string} problem @returns {never} */
function usage(problem) {
  console.error(`supervise: ${problem}`);
  console.error(
    'usage: supervise.mjs --name <service> --state <file.json> [--log <file>] [--backoff 1] [--max-backoff 30] ' +
      '[--stable-after 60] [--stop-signal SIGTERM] [--stop-timeout 10] -- <command> [args…]',
  );
  process.exit(2);
}

if (!options.name || !options.state) usage('--name and --state are required');
if (command.length === 0) usage('no command to run');
const name = /** @type {string} */ (options.name);
const statePath = /** @type {string} */ (options.state);
const backoffMs = seconds('backoff');
const maxBackoffMs = seconds('max-backoff');
const stableAfterMs = seconds('stable-after');
const stopTimeoutMs = seconds('stop-timeout');
const stopSignal = /** @type {NodeJS.Signals} */ (options['stop-signal']);
if (!/^SIG[A-Z0-9]+$/.test(stopSignal)) usage('--stop-signal must be a signal name such as SIGTERM');

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, at: string, uptimeSeconds: number }} Exit
 * @type {{ name: string, supervisorPid: number, state: 'running' | 'backoff' | 'stopping' | 'stopped', pid: number | null,
 *   startedAt: string | null, restarts: number, lastExit: Exit | null, nextStartAt: string | null, command: string[] }}
 */
const state = {
  name,
  supervisorPid: process.pid,
  state: 'running',
  pid: null,
  startedAt: null,
  restarts: 0,
  lastExit: null,
  nextStartAt: null,
  command,
};

/** @param {Partial<typeof state>} changes */
function save(changes) {
  Object.assign(state, changes);
  const temporary = `${statePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, statePath);
}

/** @param {string} message */
function log(message) {
  const line = `${new Date().toISOString()} [supervisor] ${name}: ${message}`;
  console.log(line);
  if (options.log) {
    try {
      appendFileSync(options.log, `${line}\n`);
    } catch (error) {
      console.error(`supervise: cannot write ${options.log}: ${/** @type {Error} */ (error).message}`);
    }
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether any process is left in process group `pgid`.
 * @param {number} pgid
 */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {number} pgid @param {NodeJS.Signals} signal */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * Sends `signal` to the group, waits up to `timeoutMs` for it to empty, then kills what is left.
 * @param {number} pgid @param {NodeJS.Signals} signal @param {number} timeoutMs
 */
async function endGroup(pgid, signal, timeoutMs) {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, signal);
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (!groupAlive(pgid)) return;
  log(`process group ${pgid} still running ${timeoutMs / 1000} s after ${signal}: SIGKILL`);
  signalGroup(pgid, 'SIGKILL');
  while (groupAlive(pgid)) await sleep(50);
}

const describeExit = (/** @type {number | null} */ code, /** @type {NodeJS.Signals | null} */ signal) =>
  signal ? `was killed by ${signal}` : `exited with code ${code}`;

/** @type {{ process: import('node:child_process').ChildProcess, exited: Promise<void> } | null} */
let child = null;
/** @type {NodeJS.Timeout | null} */
let timer = null;
let stopping = false;
let quickFailures = 0;

function startService() {
  timer = null;
  const startedAt = Date.now();
  // detached: its own process group, so whatever it starts can be stopped with it.
  const service = /** @type {import('node:child_process').ChildProcess} */ (
    spawn(/** @type {string} */ (command[0]), command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], detached: true })
  );
  /** @type {() => void} */
  let settle = () => {};
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    settle = resolve;
  });
  child = { process: service, exited };
  let done = false;
  /** @param {number | null} code @param {NodeJS.Signals | null} signal @param {Error} [spawnError] */
  const onExit = (code, signal, spawnError) => {
    if (done) return;
    done = true;
    void afterExit(service.pid, startedAt, code, signal, spawnError).finally(settle);
  };
  service.once('error', (error) => onExit(null, null, error));
  service.once('exit', (code, signal) => onExit(code, signal));
  if (service.pid !== undefined) {
    save({ state: 'running', pid: service.pid, startedAt: new Date(startedAt).toISOString(), nextStartAt: null });
    log(`started pid ${service.pid}${state.restarts > 0 ? ` (restart ${state.restarts})` : ''}: ${command.join(' ')}`);
  }
}

/**
 * @param {number | undefined} pid @param {number} startedAt @param {number | null} code
 * @param {NodeJS.Signals | null} signal @param {Error} [spawnError]
 */
async function afterExit(pid, startedAt, code, signal, spawnError) {
  const uptimeMs = Date.now() - startedAt;
  const how = spawnError ? `could not start (${spawnError.message})` : describeExit(code, signal);
  const uptime = `${(uptimeMs / 1000).toFixed(1)} s`;
  save({ pid: null, lastExit: { code, signal, at: new Date().toISOString(), uptimeSeconds: Math.round(uptimeMs / 100) / 10 } });
  // Whatever it started (workers, a database server) goes with it before anything restarts.
  if (pid !== undefined) await endGroup(pid, stopSignal, stopTimeoutMs);
  child = null;
  if (stopping) {
    log(`${how} after ${uptime} (stopping)`);
    return;
  }
  if (uptimeMs >= stableAfterMs) quickFailures = 0;
  const delayMs = Math.min(backoffMs * 2 ** quickFailures, maxBackoffMs);
  quickFailures += 1;
  save({ state: 'backoff', restarts: state.restarts + 1, nextStartAt: new Date(Date.now() + delayMs).toISOString() });
  log(`${how} after ${uptime}; restart ${state.restarts} in ${delayMs / 1000} s`);
  timer = setTimeout(startService, delayMs);
}

/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (timer) clearTimeout(timer);
  save({ state: 'stopping', nextStartAt: null });
  log(`${signal}: stopping`);
  if (child) {
    const { process: service, exited } = child;
    if (service.pid !== undefined) await endGroup(service.pid, stopSignal, stopTimeoutMs);
    await exited;
  }
  save({ state: 'stopped', pid: null });
  log('stopped');
  process.exit(0);
}

// A service left behind by a supervisor that was killed: stop it, or the new one cannot bind its port.
try {
  const previous = JSON.parse(readFileSync(statePath, 'utf8'));
  if (Number.isInteger(previous.pid) && previous.supervisorPid !== process.pid && groupAlive(previous.pid)) {
    log(`stopping pid ${previous.pid} left by a previous supervisor`);
    await endGroup(previous.pid, stopSignal, stopTimeoutMs);
  }
} catch {
  // no earlier state
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
// Closing the terminal start.sh ran in is no reason to stop (Node undoes nohup's SIGHUP ignore).
process.on('SIGHUP', () => log('SIGHUP ignored'));
startService();

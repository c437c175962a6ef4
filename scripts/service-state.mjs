#!/usr/bin/env node
// Reads a supervisor's state file (see supervise.mjs) for status.sh and prints one tab-separated
// line: state, service PID (or -), restarts, last exit (or -).
//   node scripts/service-state.mjs <state file> [<health URL>]
// state: up (running, and its health URL answers), starting (not healthy yet, started less than
// 90 s ago), unhealthy, restarting (waiting out its backoff), stopping, stopped, down (its
// supervisor is gone) or unknown (no readable state file).
import { readFileSync } from 'node:fs';

const STARTING_SECONDS = 90;

const alive = (/** @type {number} */ pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
};

/**
 * "SIGKILL" or "code 1", and when: "at 2026-12-06 20:41:07 UTC (3 min ago)".
 * @param {{ code: number | null, signal: string | null, at: string } | null} exit @param {number} now
 */
function describeExit(exit, now) {
  if (!exit) return '-';
  const what = exit.signal ?? `code ${exit.code}`;
  const at = new Date(exit.at);
  const ago = Math.max(0, Math.round((now - at.getTime()) / 1000));
  const since = ago < 120 ? `${ago} s ago` : ago < 7200 ? `${Math.round(ago / 60)} min ago` : `${Math.round(ago / 3600)} h ago`;
  return `${what} at ${at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')} (${since})`;
}

async function healthy(/** @type {string} */ url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

const [file, healthUrl] = process.argv.slice(2);
let state;
try {
  state = JSON.parse(readFileSync(file ?? '', 'utf8'));
} catch {
  console.log(['unknown', '-', '-', '-'].join('\t'));
  process.exit(0);
}
const now = Date.now();
const pid = state.pid && alive(state.pid) ? state.pid : null;
let shown = { running: 'up', backoff: 'restarting' }[/** @type {string} */ (state.state)] ?? state.state;
if (shown !== 'stopped' && !alive(state.supervisorPid)) shown = 'down';
if (shown === 'up' && healthUrl && !(await healthy(healthUrl))) {
  const age = state.startedAt ? (now - Date.parse(state.startedAt)) / 1000 : Number.POSITIVE_INFINITY;
  shown = age < STARTING_SECONDS ? 'starting' : 'unhealthy';
}
let lastExit = describeExit(state.lastExit, now);
if (shown === 'restarting' && state.nextStartAt) {
  lastExit += `, next start in ${Math.max(0, Math.ceil((Date.parse(state.nextStartAt) - now) / 1000))} s`;
}
console.log([shown, pid ?? '-', String(state.restarts ?? 0), lastExit].join('\t'));

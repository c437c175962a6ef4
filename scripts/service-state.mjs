#!/usr/bin/env node
// Reads a supervisor's state file (see supervise.mjs) for status.sh and prints one tab-separated
// line: state, service PID (or -), restarts, last exit (or -), seconds since the service started.
//   state: running | restarting (waiting out its backoff) | stopping | stopped | down (the
//   supervisor is gone) | unknown (no readable state file)
import { readFileSync } from 'node:fs';

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

let state;
try {
  state = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
} catch {
  console.log(['unknown', '-', '-', '-', '-'].join('\t'));
  process.exit(0);
}
const now = Date.now();
let shown = state.state === 'backoff' ? 'restarting' : state.state;
if (shown !== 'stopped' && !alive(state.supervisorPid)) shown = 'down';
const pid = state.pid && alive(state.pid) ? String(state.pid) : '-';
const age = state.startedAt && pid !== '-' ? String(Math.round((now - Date.parse(state.startedAt)) / 1000)) : '-';
let lastExit = describeExit(state.lastExit, now);
if (shown === 'restarting' && state.nextStartAt) {
  lastExit += `, next start in ${Math.max(0, Math.ceil((Date.parse(state.nextStartAt) - now) / 1000))} s`;
}
console.log([shown, pid, String(state.restarts ?? 0), lastExit, age].join('\t'));

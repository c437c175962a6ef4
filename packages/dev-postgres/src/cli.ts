#!/usr/bin/env node
// Runs the embedded development database in the foreground until SIGINT/SIGTERM:
//   node packages/dev-postgres/dist/cli.js --data .data/postgres --port 54329
// start.sh runs it under its supervisor (scripts/supervise.mjs), which starts it again if it dies;
// stop.sh stops it. When PostgreSQL itself dies, this process exits with 1 so that both restart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from './embedded.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '54329' } },
});
if (!values.data) {
  console.error('usage: cli.js --data <dir> [--port 54329]');
  process.exit(2);
}

const server = await startEmbeddedPostgres({
  dataDir: values.data,
  port: Number(values.port),
  persistent: true,
  log: (line) => console.log(line),
});
console.log(`embedded PostgreSQL ready at ${server.url.replace(/:[^:@/]+@/, ':***@')}`);

let stopping = false;

// The postmaster killed (by the OOM killer, by hand) leaves nothing to serve: exit, so the supervisor
// starts PostgreSQL again (it recovers from its write-ahead log).
const postmasterPid = Number(readFileSync(path.join(values.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
const watch = setInterval(() => {
  if (stopping) return;
  try {
    process.kill(postmasterPid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return;
    console.error(`PostgreSQL (postmaster pid ${postmasterPid}) exited on its own`);
    process.exit(1);
  }
}, 500);

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(watch);
  console.log(`${signal}: stopping embedded PostgreSQL`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

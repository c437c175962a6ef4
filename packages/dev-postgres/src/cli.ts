#!/usr/bin/env node
// Runs the embedded development database in the foreground until SIGINT/SIGTERM:
//   node packages/dev-postgres/dist/cli.js --data .data/postgres --port 54329
// start.sh runs it in the background, records its PID, and stop.sh stops it.
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
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping embedded PostgreSQL`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

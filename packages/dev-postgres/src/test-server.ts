import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded.js';
import { freePort } from './free-port.js';

export type TestServer = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The PostgreSQL server tests create their databases on: TEST_DATABASE_URL, else DATABASE_URL
 * (only the server part is used; tests never touch that database itself), else a throw-away
 * embedded server on a free port (with fsync off unless `durable`: benchmarks measure real commits).
 */
export async function acquireTestServer(env: NodeJS.ProcessEnv = process.env, options: { durable?: boolean } = {}): Promise<TestServer> {
  const given = env.TEST_DATABASE_URL || env.DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const parent = mkdtempSync(path.join(tmpdir(), 'chatiq-test-pg-'));
  chmodSync(parent, 0o755); // as root, postgres runs as the `postgres` user and must reach its data dir
  const dataDir = path.join(parent, 'data');
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, durable: options.durable ?? false });
  return { url: server.url, embedded: true, stop: server.stop };
}

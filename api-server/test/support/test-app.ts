import { createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { INestApplication } from '@nestjs/common';
import { inject } from 'vitest';
import type { AppConfig } from '../../src/config/config.schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp } from '../../src/create-app.js';
import { PrismaService } from '../../src/prisma/prisma.service.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** A fresh database cloned from the migrated template; dropped by the returned function. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = inject('pgServerUrl');
  const name = uniqueDatabaseName('chatiq_test');
  const url = await createDatabase(server, name, inject('pgTemplate'));
  return { url, drop: () => dropDatabase(server, name) };
}

export type TestApp = {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  prisma: PrismaService;
  config: AppConfig;
  databaseUrl: string;
  close: () => Promise<void>;
};

/** Listens on a free loopback port; returns http://127.0.0.1:<port>. */
export async function listenOnFreePort(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

export type ApiNode = { app: INestApplication; url: string };

/**
 * Several API nodes over one fresh database (and, with REDIS_URL in `env`, one Redis), as a
 * deployment with several nodes runs. `close` stops every node still running and drops the database.
 */
export async function startApiNodes(count: number, env: Record<string, string>): Promise<{ nodes: ApiNode[]; close: () => Promise<void> }> {
  const db = await freshDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', BCRYPT_ROUNDS: '4', ...env });
  const nodes: ApiNode[] = [];
  for (let i = 0; i < count; i++) {
    const app = await createApp(config);
    nodes.push({ app, url: await listenOnFreePort(app) });
  }
  return {
    nodes,
    close: async () => {
      for (const node of nodes) await node.app.close().catch(() => {});
      await db.drop();
    },
  };
}

/**
 * The real API on a free port over its own fresh database, or, with `databaseUrl`, over that
 * database (kept on close: e.g. the same data under another configuration, as after a restart).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  const db = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await freshDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    BCRYPT_ROUNDS: '4',
    NODE_ENV: 'test',
    ...env,
  });
  const app = await createApp(config);
  const url = await listenOnFreePort(app);
  return {
    app,
    url,
    prisma: app.get(PrismaService),
    config,
    databaseUrl: db.url,
    close: async () => {
      await closeWithin(app, CLOSE_TIMEOUT_MS);
      await db.drop();
    },
  };
}

/** How long a test app may take to shut down before the test moves on (and says so). */
const CLOSE_TIMEOUT_MS = 20_000;

/**
 * Closes the app, but gives up waiting after `ms`, loudly: a shutdown that hangs (seen once under
 * heavy load in the fuzz suite's teardown: a client slow to answer the WebSocket closing handshake
 * held it for up to 30 s; the Socket.IO adapter now cuts connections after 1 s, see
 * src/realtime/shutdown.int-spec.ts) must not fail an unrelated hook; the database is dropped
 * WITH (FORCE) afterwards either way. The warning keeps it visible.
 */
async function closeWithin(app: INestApplication, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === 'timeout') console.warn(`test app did not finish closing within ${ms} ms; continuing`);
}

// The database going away while the API runs: /health says so with 503, requests get a typed
// `database_unavailable`, the process stays up, and it recovers when the database returns.

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErrorBody, HealthDto } from '@chatiq/contracts';
import { createDatabase, type EmbeddedServer, freePort, startEmbeddedPostgres } from '@chatiq/dev-postgres';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/support/clients.js';
import { listenOnFreePort, TEST_JWT_SECRET } from '../../test/support/test-app.js';
import { loadConfig } from '../config/load-config.js';
import { createApp } from '../create-app.js';

describe('when the database goes away', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chatiq-db-down-'));
  chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  let port: number;
  let server: EmbeddedServer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const databaseUrl = await createDatabase(server.url, 'chatiq_down');
    app = await createApp(loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' }));
    url = await listenOnFreePort(app);
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('reports it, answers with a typed error, stays up, and recovers', async () => {
    expect((await api<HealthDto>(url, 'GET', '/health')).status).toBe(200);

    await server.stop();
    const health = await api<HealthDto>(url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'down' });
    const login = await api<ErrorBody>(url, 'POST', '/auth/login', { body: { email: 'a@example.com', password: 'whatever' } });
    expect(login.status).toBe(503);
    expect(login.body.code).toBe('database_unavailable');

    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    await expect.poll(async () => (await api(url, 'GET', '/health')).status, { timeout: 15_000 }).toBe(200);
  });
});

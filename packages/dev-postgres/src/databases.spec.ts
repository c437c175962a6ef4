import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseExists, databaseUrl, dropDatabase, uniqueDatabaseName } from './databases.js';
import { acquireTestServer, type TestServer } from './test-server.js';

describe('test databases', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await acquireTestServer();
  });
  afterAll(() => server.stop());

  it('names databases uniquely and safely', () => {
    const a = uniqueDatabaseName('chatiq_x');
    expect(a).toMatch(/^chatiq_x_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(uniqueDatabaseName('chatiq_x')).not.toBe(a);
    expect(databaseUrl('postgresql://u:p@h:5/postgres?sslmode=disable', 'db1')).toBe('postgresql://u:p@h:5/db1?sslmode=disable');
  });

  it('clones a template with its data, and drops it again', async () => {
    const template = uniqueDatabaseName('chatiq_tpl');
    const clone = uniqueDatabaseName('chatiq_clone');
    const templateUrl = await createDatabase(server.url, template);
    const client = new pg.Client({ connectionString: templateUrl });
    await client.connect();
    await client.query('CREATE TABLE t (v int); INSERT INTO t VALUES (42)');
    await client.end();

    const cloneUrl = await createDatabase(server.url, clone, template);
    const reader = new pg.Client({ connectionString: cloneUrl });
    await reader.connect();
    expect((await reader.query('SELECT v FROM t')).rows).toEqual([{ v: 42 }]);
    await reader.end();

    await dropDatabase(server.url, clone);
    await dropDatabase(server.url, template);
    expect(await databaseExists(server.url, clone)).toBe(false);
  });

  it('refuses unsafe names', async () => {
    await expect(createDatabase(server.url, 'x"; DROP DATABASE postgres; --')).rejects.toThrow(/unsafe database name/);
  });
});

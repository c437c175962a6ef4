// `prisma migrate dev` (which would catch drift) cannot run here, so this test does its job:
// the migrations, applied in order, must build exactly the schema that schema.prisma describes.
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { prisma } from './support/migrate.js';
import { schemaSnapshot } from './support/schema-snapshot.js';

describe('migrations and schema.prisma', () => {
  const server = inject('pgServerUrl');
  const names = [uniqueDatabaseName('chatiq_migrated'), uniqueDatabaseName('chatiq_from_schema')];
  afterAll(async () => {
    for (const name of names) await dropDatabase(server, name);
  });

  it('describe the same database', async () => {
    // The template is what global-setup built with `prisma migrate deploy`; a clone of it is
    // the migrated database (deploying again would cost ~10 s of the wasm engine's idle timer).
    const migrated = await createDatabase(server, names[0]!, inject('pgTemplate'));

    const fromSchema = await createDatabase(server, names[1]!);
    const sql = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], fromSchema);
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [a, b] = await Promise.all([schemaSnapshot(migrated), schemaSnapshot(fromSchema)]);
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it('are all applied (migrate status is clean)', async () => {
    const output = prisma(['migrate', 'status'], await createDatabase(server, names[0]!, inject('pgTemplate')));
    expect(output).toMatch(/1 migration found|\d+ migrations found/);
    expect(output).toMatch(/Database schema is up to date/);
  });
});

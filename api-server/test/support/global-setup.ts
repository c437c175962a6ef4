// Once per test run: a PostgreSQL server (TEST_DATABASE_URL / DATABASE_URL, else an embedded one)
// and a template database with every migration applied. Each test file clones the template
// (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from './migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const template = uniqueDatabaseName('chatiq_tpl');
  migrateDatabase(await createDatabase(server.url, template));
  project.provide('pgServerUrl', server.url);
  project.provide('pgTemplate', template);
  return async () => {
    await dropDatabase(server.url, template);
    await server.stop();
  };
}

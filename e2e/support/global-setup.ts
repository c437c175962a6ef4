import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { TestProject } from 'vitest/node';
import { startSystem } from './system.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    adminUrl: string;
    widgetUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const name = uniqueDatabaseName('chatiq_e2e');
  const system = await startSystem(await createDatabase(server.url, name));
  project.provide('apiUrl', system.apiUrl);
  project.provide('adminUrl', system.adminUrl);
  project.provide('widgetUrl', system.widgetUrl);
  return async () => {
    await system.stop();
    await dropDatabase(server.url, name);
    await server.stop();
  };
}

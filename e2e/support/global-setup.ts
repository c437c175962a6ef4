import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { TestProject } from 'vitest/node';
import { startMailbox } from './mailbox.js';
import { startSystem } from './system.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    adminUrl: string;
    widgetUrl: string;
    /** Where the tests read the mails the API sent (see support/mailbox.ts). */
    mailboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const name = uniqueDatabaseName('chatiq_e2e');
  const mailbox = await startMailbox();
  const system = await startSystem(await createDatabase(server.url, name), { SMTP_URL: mailbox.smtpUrl }).catch(async (error: unknown) => {
    await mailbox.close();
    throw error;
  });
  project.provide('apiUrl', system.apiUrl);
  project.provide('adminUrl', system.adminUrl);
  project.provide('widgetUrl', system.widgetUrl);
  project.provide('mailboxUrl', mailbox.url);
  return async () => {
    await system.stop();
    await mailbox.close();
    await dropDatabase(server.url, name);
    await server.stop();
  };
}

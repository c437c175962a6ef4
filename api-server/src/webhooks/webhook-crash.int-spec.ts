// A delivery in flight when the API dies (SIGKILL: no shutdown, no cleanup) is not lost: the job
// stays in the queue's table, expires once its attempt cannot still be running, and the restarted
// API delivers it. Runs the built API (dist/) as a child process: `pnpm --filter @chatiq/api-server build` first.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WebhookDeliveryDto, WebhookWithSecretDto } from '@chatiq/contracts';
import { freePort } from '@chatiq/dev-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { apiRoot } from '../../test/support/migrate.js';
import { freshDatabase, TEST_JWT_SECRET } from '../../test/support/test-app.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';

describe('webhooks across an API crash', () => {
  const main = path.join(apiRoot, 'dist', 'src', 'main.js');
  let child: ChildProcess | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    child?.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('delivers after a restart the events whose delivery was in flight when the API was killed', { timeout: 180_000 }, async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first`);
    const db = await freshDatabase();
    cleanups.push(() => db.drop());
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      BCRYPT_ROUNDS: '4',
      EGRESS_ALLOW: '127.0.0.1',
      AI_SECRET_KEYS: testKeyring(),
      WEBHOOK_TIMEOUT_SECONDS: '2',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_RETRY_DELAY_MAX_SECONDS: '2',
      WEBHOOK_POLL_SECONDS: '0.5',
    };
    const start = async () => {
      child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
      await eventually(
        'the API answering /health',
        async () => {
          try {
            return (await fetch(`${url}/health`)).ok;
          } catch {
            return false;
          }
        },
        60_000,
      );
    };
    await start();

    const owner = await registerOwner(url);
    const hook = (
      await api<WebhookWithSecretDto>(url, 'POST', '/webhooks', {
        token: owner.accessToken,
        body: { url: receiver.url, events: ['message.created'] },
      })
    ).body;
    receiver.state.secrets = [hook.secret];
    // The first attempt of every event is never answered: the API is killed while it waits.
    receiver.state.answer = (_event, n) => (n === 0 ? 'hang' : 200);
    const eventIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, body } = await api<{ eventId: string }>(url, 'POST', `/webhooks/${hook.webhook.id}/test`, {
        token: owner.accessToken,
      });
      expect(status).toBe(202);
      eventIds.push(body.eventId);
    }
    await eventually(
      'every first attempt in flight',
      () => eventIds.every((id) => receiver.received.some((r) => r.event.id === id)),
      30_000,
    );

    child?.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    await start();

    await eventually(
      'every event delivered after the restart',
      () => eventIds.every((id) => receiver.received.some((r) => r.event.id === id && r.answer === 200)),
      90_000,
    );
    expect(receiver.received.every((r) => r.signedWith.length === 1)).toBe(true);
    const log = (await api<WebhookDeliveryDto[]>(url, 'GET', `/webhooks/${hook.webhook.id}/deliveries`, { token: owner.accessToken })).body;
    // Logged as delivered (at least once: a retry after a slow answer on a loaded machine would be a legitimate second delivery).
    for (const id of eventIds)
      expect(
        log.some((d) => d.eventId === id && d.delivered),
        id,
      ).toBe(true);
  });
});

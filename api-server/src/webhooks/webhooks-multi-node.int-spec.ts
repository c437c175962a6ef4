// Two API nodes over one database and one Redis, each running the webhook queue's worker: every
// event is delivered once, whichever node stored the change and whichever worker claims the job;
// a subscription made on one node is seen at once by the other, which had cached "none".

import { randomUUID } from 'node:crypto';
import { type AuthResponse, type WebhookWithSecretDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '../../test/support/ai.js';
import { createSiteOver, joinVisitor, type Visitor } from '../../test/support/automation.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { type ApiNode, startApiNodes } from '../../test/support/test-app.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';
import { PrismaService } from '../prisma/prisma.service.js';

const reachable = await requireRedisUnlessLaptop('the webhook multi-node test');

describe.skipIf(!reachable)('webhooks on two API nodes', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  let owner: AuthResponse;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTH_RATE_LIMIT: '1000',
      EGRESS_ALLOW: '127.0.0.1',
      AI_SECRET_KEYS: testKeyring(),
      WEBHOOK_POLL_SECONDS: '0.5',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
    owner = await registerOwner(a.url, `hooks-${randomUUID().slice(0, 6)}`);
  });
  afterAll(async () => {
    for (const v of visitors) v.socket.close();
    await cluster?.close();
    await receiver?.close();
  });

  it('delivers each event once, whichever node stored it', async () => {
    const site = await createSiteOver(a.url, owner.accessToken, 'Two nodes');
    const first = await joinVisitor(b.url, site.publicId);
    visitors.push(first);
    await first.say('before any webhook'); // node B caches: no subscriptions
    const hook = (
      await api<WebhookWithSecretDto>(a.url, 'POST', '/webhooks', {
        token: owner.accessToken,
        body: { url: receiver.url, events: ['message.created'] },
      })
    ).body;
    receiver.state.secrets = [hook.secret];

    // Visitors on both nodes, several messages each.
    for (const node of [a, b, a, b]) visitors.push(await joinVisitor(node.url, site.publicId));
    const texts: string[] = [];
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        visitors.map(async (v, i) => {
          const text = `round ${round} from visitor ${i}`;
          texts.push(text);
          await v.say(text);
        }),
      );
    }
    const textOf = (r: (typeof receiver.received)[number]) => (r.event.type === 'message.created' ? r.event.data.message.text : null);
    await eventually('every message at the receiver', () => texts.every((t) => receiver.received.some((r) => textOf(r) === t)), 20_000);
    // Barrier: every job of the queue has finished, so a second delivery would have arrived by now.
    const prisma = a.app.get(PrismaService);
    await eventually('the queue drained', async () => {
      const [row] = await prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'webhook-delivery' AND state <> 'completed'`;
      return row!.n === 0n;
    });
    const ids = receiver.received.map((r) => r.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.map(textOf).sort()).toEqual([...texts].sort());
    expect(receiver.received.every((r) => r.signedWith.length === 1)).toBe(true);
    expect(await prisma.webhookDelivery.count({ where: { webhookId: hook.webhook.id } })).toBe(texts.length);
  });
});

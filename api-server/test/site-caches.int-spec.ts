// The per-site settings read on every visitor message (auto-reply rules, business hours, AI
// settings) are cached in memory on each API node (SiteCachesService). A change made through
// another node must reach this node's cache at once (over the Redis adapter), not after the TTL.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, ChatSummaryDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '../src/prisma/prisma.service.js';
import { addRule, createSiteOver, handledVisitorMessages, joinVisitor, type Visitor } from './support/automation.js';
import { type AdminSocket, adminRoundTrip, api, connectAdmin, registerOwner } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from './support/redis.js';
import { type ApiNode, startApiNodes } from './support/test-app.js';

const reachable = await requireRedisUnlessLaptop('the site cache test');

describe.skipIf(!reachable)('per-site caches on two API nodes', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  let owner: AuthResponse;
  let handled: string[];
  const visitors: Visitor[] = [];
  const admins: AdminSocket[] = [];

  beforeAll(async () => {
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTOMATION_TICK_MS: '600000',
      AUTH_RATE_LIMIT: '1000',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
    handled = handledVisitorMessages(a.app);
    owner = await registerOwner(a.url, `cache-${randomUUID().slice(0, 6)}`);
  });
  afterAll(async () => {
    for (const v of visitors) v.socket.close();
    for (const s of admins) s.close();
    await cluster?.close();
  });

  it('a rule added on node B answers the next message on node A, which had cached "no rules"', async () => {
    const site = await createSiteOver(a.url, owner.accessToken, 'Rules across nodes');
    const v = await joinVisitor(a.url, site.publicId);
    visitors.push(v);
    await v.say('hello, anyone?'); // node A reads (and caches) the site's rules: none
    await addRule(b.url, owner.accessToken, site.id, { trigger: 'KEYWORD', keywords: ['price'], replyText: 'Prices are on /pricing' });
    await v.say('what is the price?');
    expect((await v.until('Prices are on /pricing')).map((m) => m.text)).toEqual(['Prices are on /pricing']);
  });

  it('hours closed on node B mark the next message on node A for follow-up', async () => {
    const site = await createSiteOver(a.url, owner.accessToken, 'Hours across nodes');
    const admin = await connectAdmin(a.url, owner.accessToken);
    admins.push(admin);
    const updates: ChatSummaryDto[] = [];
    admin.on('chats:updated', ({ chats }) => updates.push(...chats));
    const v = await joinVisitor(a.url, site.publicId);
    visitors.push(v);
    const first = await v.say('are you open?'); // node A caches: no hours, always open
    // Barrier: node A's listeners have finished with the message (and so cached the hours), and
    // the message's own inbox update has arrived.
    await eventually('the listeners of the message', () => handled.includes(first.id));
    await eventually('the message in the inbox', () => updates.some((c) => c.id === first.chatId && c.lastMessage?.id === first.id));
    await adminRoundTrip(admin);
    expect(updates.filter((c) => c.id === first.chatId).every((c) => c.followUpAt === null)).toBe(true);
    expect((await a.app.get(PrismaService).chat.findUniqueOrThrow({ where: { id: first.chatId } })).followUpAt).toBeNull();
    const put = await api(b.url, 'PUT', `/sites/${site.id}/business-hours`, {
      token: owner.accessToken,
      body: { timezone: 'UTC', weekly: [] }, // never open
    });
    expect(put.status).toBe(200);
    await v.say('hello?');
    await eventually('followUpAt in the inbox', () => updates.some((c) => c.id === first.chatId && c.followUpAt !== null));
  });
});

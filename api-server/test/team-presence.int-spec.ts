// Team presence across two API nodes (Redis adapter): a visitor is told whether someone who may
// answer their site has the admin panel connected, on any node, at each join and live when it changes.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, CreatedSiteDto, TeamPresencePayload } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../prisma/factories.js';
import { PrismaService } from '../src/prisma/prisma.service.js';
import {
  type AdminSocket,
  api,
  collect,
  connectAdmin,
  connectWidget,
  ok,
  registerOwner,
  serverDisconnect,
  type WidgetSocket,
} from './support/clients.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from './support/redis.js';
import { type ApiNode, startApiNodes } from './support/test-app.js';

const reachable = await requireRedisUnlessLaptop('the team presence test');
const PASSWORD = 'correct-horse-battery';

/** A widget on `node` that joined `site`, and what `team:presence` told it at the join. */
async function visitor(
  node: ApiNode,
  site: CreatedSiteDto,
): Promise<{ socket: WidgetSocket; atJoin: boolean; pushes: TeamPresencePayload[] }> {
  const socket = await connectWidget(node.url, site.publicId);
  const pushes = collect<TeamPresencePayload>(socket, 'team:presence');
  ok(await socket.emitWithAck('visitor:join', {}));
  const first = await waitForPush(pushes, 1);
  return { socket, atJoin: first.staffed, pushes };
}

/** Resolves with the `count`-th push received (1-based), or throws after `ms`. */
async function waitForPush(pushes: TeamPresencePayload[], count: number, ms = 5000): Promise<TeamPresencePayload> {
  const deadline = Date.now() + ms;
  while (pushes.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${pushes.length} team:presence of ${count} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return pushes[count - 1]!;
}

describe.skipIf(!reachable)('team presence across two API nodes', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  let a: ApiNode;
  let b: ApiNode;
  let owner: AuthResponse;
  let siteOne: CreatedSiteDto;
  let siteTwo: CreatedSiteDto;
  const sockets: (AdminSocket | WidgetSocket)[] = [];

  /** An operator assigned to `siteIds`, made in the database and signed in through the API. */
  async function operator(siteIds: string[]): Promise<{ id: string; token: string }> {
    const prisma = a.app.get(PrismaService);
    const email = `op-${randomUUID().slice(0, 8)}@example.com`;
    const organizationId = owner.user.organizationId;
    const user = await createUser(prisma, {
      organizationId,
      email,
      password: PASSWORD,
      name: 'Olena Operator',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    for (const siteId of siteIds) await prisma.siteUser.create({ data: { organizationId, siteId, userId: user.id } });
    const login = await api<AuthResponse>(b.url, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    return { id: user.id, token: login.body.accessToken };
  }

  beforeAll(async () => {
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTH_RATE_LIMIT: '1000',
    });
    [a, b] = cluster.nodes as [ApiNode, ApiNode];
    owner = await registerOwner(b.url);
    siteOne = (await api<CreatedSiteDto>(b.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'One' } })).body;
    siteTwo = (await api<CreatedSiteDto>(b.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Two' } })).body;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.close();
  });

  it('is staffed by an operator on the other node, for their sites only, and flips live when they leave', async () => {
    const one = await visitor(a, siteOne);
    const two = await visitor(a, siteTwo);
    sockets.push(one.socket, two.socket);
    expect([one.atJoin, two.atJoin]).toEqual([false, false]);

    // An operator of site two only signs in on node B: site two's visitor on node A hears it.
    const op = await operator([siteTwo.id]);
    const opSocket = await connectAdmin(b.url, op.token);
    sockets.push(opSocket);
    expect(await waitForPush(two.pushes, 2)).toEqual({ staffed: true });
    // A visitor joining now on either node is told so, by asking every node.
    for (const node of [a, b]) {
      const late = await visitor(node, siteTwo);
      sockets.push(late.socket);
      expect(late.atJoin).toBe(true);
      const other = await visitor(node, siteOne);
      sockets.push(other.socket);
      expect(other.atJoin).toBe(false);
    }

    // The owner answers every site: site one's visitor hears it, and nothing else came before
    // (both pushes left node B in order, the operator's first).
    const ownerOnB = await connectAdmin(b.url, owner.accessToken);
    sockets.push(ownerOnB);
    expect(await waitForPush(one.pushes, 2)).toEqual({ staffed: true });
    expect(one.pushes).toEqual([{ staffed: false }, { staffed: true }]);

    // The owner also has the panel open on node A; closing node B's tab leaves them online.
    const ownerOnA = await connectAdmin(a.url, owner.accessToken);
    sockets.push(ownerOnA);
    ownerOnB.close();
    for (const node of [a, b]) {
      const later = await visitor(node, siteOne);
      sockets.push(later.socket);
      expect(later.atJoin).toBe(true);
    }
    // Their last tab closes: site one has nobody any more; site two still has its operator.
    const pushesBefore = one.pushes.length;
    ownerOnA.close();
    expect(await waitForPush(one.pushes, pushesBefore + 1)).toEqual({ staffed: false });
    expect(one.pushes.slice(2).filter((push) => !push.staffed)).toHaveLength(1);
    const stillTwo = await visitor(a, siteTwo);
    sockets.push(stillTwo.socket);
    expect(stillTwo.atJoin).toBe(true);

    // The operator is deactivated (through node A; their socket is on node B): site two's visitors
    // see nobody answer, live.
    const kicked = serverDisconnect(opSocket);
    const twoCount = two.pushes.length;
    const patched = await api(a.url, 'PATCH', `/team/members/${op.id}`, { token: owner.accessToken, body: { active: false } });
    expect(patched.status).toBe(200);
    await kicked;
    expect(await waitForPush(two.pushes, twoCount + 1)).toEqual({ staffed: false });
    const afterKick = await visitor(b, siteTwo);
    sockets.push(afterKick.socket);
    expect(afterKick.atJoin).toBe(false);
  });
});

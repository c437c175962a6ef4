// Two API nodes over one database and one Redis: a logout on one node disconnects the user's
// admin sockets on the other, and the rate limits and login backoff are counted across nodes.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, ErrorBody } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoundTrip, api, connectAdmin, registerOwner } from '../../test/support/clients.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from '../../test/support/redis.js';
import { type ApiNode, startApiNodes } from '../../test/support/test-app.js';

const reachable = await requireRedisUnlessLaptop('the multi-node auth test');

describe.skipIf(!reachable)('auth across two API nodes (Redis)', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  const nodes: ApiNode[] = [];
  const [a, b] = [0, 1].map((i) => () => nodes[i]!.url);

  beforeAll(async () => {
    // A channel prefix of its own: parallel runs on one Redis share neither rooms nor counters.
    cluster = await startApiNodes(2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}`,
      AUTH_RATE_LIMIT: '5',
      LOGIN_MAX_FAILURES: '2',
    });
    nodes.push(...cluster.nodes);
  });
  afterAll(() => cluster?.close());

  const post = async (base: string, path: string, ip: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as AuthResponse & ErrorBody };
  };

  it('logout-all on node A disconnects the admin sockets on node B at once', async () => {
    const owner = await registerOwner(a());
    const onB = await connectAdmin(b(), owner.accessToken);
    const gone = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    expect((await api(a(), 'POST', '/auth/logout-all', { token: owner.accessToken })).status).toBe(204);
    expect(await Promise.race([gone, new Promise((r) => setTimeout(() => r('still connected'), 3000))])).toBe('io server disconnect');
    await expect(connectAdmin(b(), owner.accessToken)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('logout on node B disconnects only that session, on node A too', async () => {
    const owner = await registerOwner(b());
    const other = (
      await api<AuthResponse>(a(), 'POST', '/auth/login', { body: { email: owner.user.email, password: 'correct-horse-battery' } })
    ).body;
    const mine = await connectAdmin(a(), owner.accessToken);
    const theirs = await connectAdmin(a(), other.accessToken);
    const gone = new Promise<string>((resolve) => mine.once('disconnect', resolve));
    expect((await api(b(), 'POST', '/auth/logout', { token: owner.accessToken })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    // Node A disconnected `mine` when it handled the revocation; a round trip on `theirs` after that
    // is the barrier: it is still answered, so it was not disconnected with it.
    await adminRoundTrip(theirs);
    expect(theirs.connected).toBe(true);
    theirs.close();
  });

  it('one IP has one budget across nodes', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++) {
      expect((await post(i % 2 ? b() : a(), '/auth/login', ip, { email: `nobody-${i}@example.com`, password: 'x' })).status).toBe(401);
    }
    const limited = await post(b(), '/auth/login', ip, { email: 'nobody-5@example.com', password: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
  });

  it('the login backoff counts failures on every node', async () => {
    const owner = await registerOwner(a());
    const email = owner.user.email;
    expect((await post(a(), '/auth/login', '203.0.113.20', { email, password: 'wrong-one' })).status).toBe(401);
    expect((await post(b(), '/auth/login', '203.0.113.21', { email, password: 'wrong-two' })).status).toBe(401);
    expect((await post(a(), '/auth/login', '203.0.113.22', { email, password: 'correct-horse-battery' })).status).toBe(429);
    expect((await post(b(), '/auth/login', '203.0.113.23', { email, password: 'correct-horse-battery' })).status).toBe(429);
  });
});

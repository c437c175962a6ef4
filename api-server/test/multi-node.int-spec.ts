// Two API nodes sharing rooms through the Socket.IO Redis adapter: a visitor on node A and an
// operator on node B chat; node A goes away, the visitor reconnects to B, nothing is lost.

import { randomUUID } from 'node:crypto';
import type { CreatedSiteDto, MessageAckData, MessageDto, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, newClientId, nextChatUpdate, nextEvent, ok, registerOwner } from './support/clients.js';
import { requireRedisUnlessLaptop, TEST_REDIS_URL } from './support/redis.js';
import { type ApiNode, startApiNodes } from './support/test-app.js';

const reachable = await requireRedisUnlessLaptop('the multi-node test');

describe.skipIf(!reachable)('two API nodes with the Redis adapter', () => {
  let cluster: Awaited<ReturnType<typeof startApiNodes>>;
  const nodes: ApiNode[] = [];

  beforeAll(async () => {
    // A channel prefix of its own: parallel runs on one Redis share neither rooms nor counters.
    cluster = await startApiNodes(2, { REDIS_URL: TEST_REDIS_URL, REDIS_CHANNEL_PREFIX: `chatiq-test-${randomUUID()}` });
    nodes.push(...cluster.nodes);
  });
  afterAll(() => cluster?.close());

  it('relays between nodes and loses nothing when a node dies', async () => {
    const [a, b] = nodes as [ApiNode, ApiNode];
    const owner = await registerOwner(b.url);
    const site = (await api<CreatedSiteDto>(b.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;

    const operator = await connectAdmin(b.url, owner.accessToken);
    const visitorOnA = await connectWidget(a.url, site.publicId);
    const { visitorId } = ok(await visitorOnA.emitWithAck('visitor:join', {}));

    // Visitor on A → operator on B.
    const chatAppearsOnB = nextChatUpdate(operator);
    const first: MessageAckData = ok(await visitorOnA.emitWithAck('visitor:message', { clientId: newClientId(), text: 'from node A' }));
    const chatId = (await chatAppearsOnB).id;
    ok(await operator.emitWithAck('admin:join', { chatId }));

    // Operator on B → visitor on A.
    const replyOnA = nextEvent<MessageDto>(visitorOnA, 'admin:message');
    ok(await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'reply from node B' }));
    expect((await replyOnA).text).toBe('reply from node B');

    // Node A dies; while the visitor is away the operator writes twice.
    const lost = new Promise((resolve) => visitorOnA.once('disconnect', resolve));
    await a.app.close();
    await lost;
    visitorOnA.close();
    ok(await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'while you were away 1' }));
    ok(await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'while you were away 2' }));

    // The visitor reconnects to B and resumes after the last sequence it saw (the reply, seq 2).
    const visitorOnB = await connectWidget(b.url, site.publicId);
    const resumed: VisitorJoinResult = ok(await visitorOnB.emitWithAck('visitor:join', { visitorId, afterSeq: 2 }));
    expect(resumed.messages.map((m) => [m.seq, m.text])).toEqual([
      [3, 'while you were away 1'],
      [4, 'while you were away 2'],
    ]);
    const liveOnB = nextEvent<MessageDto>(visitorOnB, 'admin:message');
    ok(await operator.emitWithAck('admin:message', { chatId, clientId: newClientId(), text: 'welcome back' }));
    expect((await liveOnB).seq).toBe(5);
    expect(first.message.seq).toBe(1);
    operator.close();
    visitorOnB.close();
  });
});

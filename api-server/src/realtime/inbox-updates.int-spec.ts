// The inbox's live view (`chats:updated`): the summaries new messages cause are batched per site,
// each chat once with its latest state; a change someone makes goes out at once.
import type { ChatAckData, ChatsUpdatedPayload, CreatedSiteDto, MessageAckData } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  ok,
  registerOwner,
  type WidgetSocket,
} from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('inbox updates', () => {
  let t: TestApp;
  let token: string;
  let site: CreatedSiteDto;
  let owner: AdminSocket;
  const visitors: { socket: WidgetSocket; chatId: string }[] = [];
  let initial: ChatsUpdatedPayload[];

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOwner(t.url)).accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body;
    owner = await connectAdmin(t.url, token);
    initial = frames(owner);
    for (let i = 0; i < 3; i++) {
      const socket = await connectWidget(t.url, site.publicId);
      ok(await socket.emitWithAck('visitor:join', {}));
      const first: MessageAckData = ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text: `hello ${i}` }));
      visitors.push({ socket, chatId: first.message.chatId });
    }
  });
  afterAll(async () => {
    owner.close();
    for (const v of visitors) v.socket.close();
    await t.close();
  });

  /** Every `chats:updated` frame `socket` receives from now on. */
  function frames(socket: AdminSocket): ChatsUpdatedPayload[] {
    const seen: ChatsUpdatedPayload[] = [];
    socket.on('chats:updated', (frame) => seen.push(frame));
    return seen;
  }

  it("batches new messages' summaries: few frames, each chat once per frame with its latest state", async () => {
    // The first messages' batch has gone out (their summaries have arrived), so it is not counted below.
    await eventually('the first messages in the inbox', () =>
      visitors.every(({ chatId }) => initial.some((frame) => frame.chats.some((c) => c.id === chatId && c.lastSeq >= 1))),
    );
    owner.off('chats:updated');
    const seen = frames(owner);
    // Six messages in three chats at once, two per chat.
    const acks: MessageAckData[] = (
      await Promise.all(
        visitors.flatMap(({ socket }) =>
          ['one', 'two'].map((text) => socket.emitWithAck('visitor:message', { clientId: newClientId(), text })),
        ),
      )
    ).map(ok);
    const lastSeq = new Map<string, number>();
    for (const { message } of acks) lastSeq.set(message.chatId, Math.max(lastSeq.get(message.chatId) ?? 0, message.seq));

    // The latest summary of each chat arrives…
    await eventually('every chat at its last message', () =>
      [...lastSeq].every(([chatId, seq]) => seen.flatMap((f) => f.chats).some((c) => c.id === chatId && c.lastSeq === seq)),
    );
    // …in fewer frames than messages, a chat never twice in one frame, never an older one after a newer.
    expect(seen.length).toBeLessThan(acks.length);
    for (const frame of seen) expect(new Set(frame.chats.map((c) => c.id)).size).toBe(frame.chats.length);
    for (const chatId of lastSeq.keys()) {
      const seqs = seen
        .flatMap((f) => f.chats)
        .filter((c) => c.id === chatId)
        .map((c) => c.lastSeq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    expect(seen.flatMap((f) => f.chats).every((c) => c.siteId === site.id)).toBe(true);
    owner.off('chats:updated');
  });

  it('sends a change someone made at once, before the acknowledgement of the change', async () => {
    const order: string[] = [];
    const { chatId } = visitors[0]!;
    owner.on('chats:updated', ({ chats }) => {
      if (chats.some((c) => c.id === chatId && c.status === 'RESOLVED')) order.push('update');
    });
    const resolved: ChatAckData = ok(await owner.emitWithAck('chat:resolve', { chatId }));
    order.push('ack');
    expect(resolved.chat.status).toBe('RESOLVED');
    // Sent to the operator's socket before the acknowledgement: not held for the next batch.
    expect(order).toEqual(['update', 'ack']);
    owner.off('chats:updated');
  });
});

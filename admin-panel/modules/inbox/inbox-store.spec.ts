// The inbox store without React, against a real Socket.IO server and a real HTTP server that
// speak the contract (test/fake-admin-api.ts): the list, opening chats, the outbox through outages,
// refusals and lost acknowledgements, and a join racing a reply.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatSummary, type FakeAdminApi, OPERATOR, startFakeAdminApi, TOKEN } from '@/test/fake-admin-api';
import { type InboxSnapshot, InboxStore, type InboxStoreOptions } from './inbox-store';
import { Outbox, type OutboxStorage } from './outbox';

function memoryStorage(): OutboxStorage {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** Resolves with the first snapshot that passes `check` (a barrier, not a sleep). */
function until(store: InboxStore, check: (s: InboxSnapshot) => boolean, what: string, ms = 15_000): Promise<InboxSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out waiting for ${what}; last snapshot: ${JSON.stringify(describeSnapshot(store.getSnapshot()))}`));
    }, ms);
    const test = () => {
      const snapshot = store.getSnapshot();
      if (!check(snapshot)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = store.subscribe(test);
    test();
  });
}

const texts = (s: InboxSnapshot) => s.messages.map((m) => m.text);
const describeSnapshot = (s: InboxSnapshot) => ({
  connection: s.connection,
  chats: s.chats.map((c) => c.id),
  selectedId: s.selectedId,
  messages: texts(s),
  outbox: s.outbox.map((e) => e.text),
  error: s.error,
});

describe('InboxStore', () => {
  let api: FakeAdminApi;
  const stores: InboxStore[] = [];

  function startStore(options: Partial<InboxStoreOptions> = {}): InboxStore {
    const store = new InboxStore({ operatorId: OPERATOR.id, storage: memoryStorage(), ...options });
    stores.push(store);
    store.start(api.url, TOKEN);
    return store;
  }

  async function openChat(store: InboxStore, chatId: string, count: number): Promise<InboxSnapshot> {
    await until(store, (s) => s.connection === 'online' && s.loaded, 'online with the list');
    store.select(chatId);
    return until(store, (s) => s.messages.length === count, `${chatId}'s ${count} messages`);
  }

  beforeEach(async () => {
    api = await startFakeAdminApi();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) store.stop();
    await api.close();
  });

  it('snoozes a chat: the acknowledged summary replaces it (SNOOZED, its time); a time in the past is refused by the contract', async () => {
    api.seedChat(chatSummary('later'), ['call me back tomorrow']);
    const store = startStore();
    await until(store, (s) => s.loaded && s.connection === 'online', 'the list and the connection');
    const until1 = new Date(Date.now() + 3_600_000);
    expect(await store.snooze('later', until1)).toBe(true);
    expect(store.getSnapshot().chats.find((c) => c.id === 'later')).toMatchObject({
      status: 'SNOOZED',
      snoozedUntil: until1.toISOString(),
    });
    expect(await store.snooze('later', new Date(Date.now() - 60_000))).toBe(false);
    expect(store.getSnapshot().error).toMatchObject({ code: 'validation_failed' });
    expect(await store.snooze('nope', until1)).toBe(false);
    expect(store.getSnapshot().error).toMatchObject({ code: 'chat_not_found' });
    // The snoozed filter loads the snoozed chats.
    store.changeStatusFilter('snoozed');
    await until(store, (s) => s.chats.some((c) => c.id === 'later' && c.status === 'SNOOZED'), 'the snoozed chat listed');
  });

  it('loads the list over REST, keeps it live with chats:updated (newest first), and loads resolved chats on demand', async () => {
    api.seedChat(chatSummary('older'), ['first question']);
    api.seedChat(chatSummary('newer'), ['second question']);
    api.seedChat(chatSummary('done', { status: 'RESOLVED' }), ['thanks, bye']);
    const store = startStore();
    expect(store.getSnapshot()).toMatchObject({ loaded: false, connection: 'connecting', chats: [] });

    let s = await until(store, (x) => x.loaded && x.connection === 'online', 'the list and the connection');
    expect(s.chats.map((c) => c.id)).toEqual(['newer', 'older']);

    api.visitorWrites('older', 'are you there?');
    s = await until(store, (x) => x.chats[0]?.id === 'older', 'the updated chat on top');
    expect(s.chats[0]?.lastMessage?.text).toBe('are you there?');
    expect(s.chats.map((c) => c.id)).toEqual(['older', 'newer']);

    store.changeStatusFilter('resolved');
    s = await until(store, (x) => x.chats.some((c) => c.id === 'done'), 'the resolved chat');
    expect(s.chats.map((c) => c.id).sort()).toEqual(['done', 'newer', 'older']);
  });

  it('gives every snapshot as a new value and leaves the old ones as they were', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore();
    const before = store.getSnapshot();
    await openChat(store, 'c1', 1);
    expect(before).toMatchObject({ selectedId: null, messages: [], chats: [] });
    expect(store.getSnapshot()).not.toBe(before);
    expect(store.getSnapshot()).toBe(store.getSnapshot()); // stable between changes (useSyncExternalStore)
  });

  it('opens a chat (reading only), merges live messages, starts another chat empty and resumes after a reconnect', async () => {
    api.seedChat(chatSummary('c1'), ['hello', 'anyone?']);
    api.seedChat(chatSummary('c2'), ['hi from two']);
    const store = startStore();
    let s = await openChat(store, 'c1', 2);
    expect(api.joins.at(-1)).toEqual({ chatId: 'c1', afterSeq: 0 });
    expect(s.chats.find((c) => c.id === 'c1')?.assignedOperatorId).toBeNull();
    expect(texts(s)).toEqual(['hello', 'anyone?']);

    api.visitorWrites('c1', 'third');
    s = await until(store, (x) => x.messages.length === 3, 'the live message');
    expect(texts(s)).toEqual(['hello', 'anyone?', 'third']);

    store.select('c2');
    expect(store.getSnapshot().messages).toEqual([]); // another chat's messages are gone at once
    s = await until(store, (x) => x.messages.length === 1, "c2's history");
    expect(texts(s)).toEqual(['hi from two']);
    api.visitorWrites('c1', 'not for this view');
    api.visitorWrites('c2', 'for this view');
    s = await until(store, (x) => x.messages.length === 2, "c2's live message");
    expect(texts(s)).toEqual(['hi from two', 'for this view']);

    // The network goes; a message is stored meanwhile; the reconnect resumes after the last seq.
    api.offline();
    await until(store, (x) => x.connection === 'offline', 'offline');
    api.visitorWrites('c2', 'while you were away');
    api.online();
    s = await until(store, (x) => x.messages.length === 3, 'the missed message');
    expect(texts(s)).toEqual(['hi from two', 'for this view', 'while you were away']);
    expect(api.joins.at(-1)).toEqual({ chatId: 'c2', afterSeq: 2 });
  });

  it('a reply sent while offline waits in the outbox, then is delivered once with its client id after the reconnect', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore();
    await openChat(store, 'c1', 1);
    api.offline();
    await until(store, (x) => x.connection === 'offline', 'offline');

    expect(await store.send('Back in a minute')).toBe(true);
    const waiting = store.getSnapshot().outbox;
    expect(waiting).toMatchObject([{ chatId: 'c1', event: 'admin:message', text: 'Back in a minute' }]);
    expect(api.received).toEqual([]);

    api.online();
    const s = await until(store, (x) => x.outbox.length === 0 && texts(x).includes('Back in a minute'), 'the delivered reply');
    expect(api.received).toEqual([{ event: 'admin:message', chatId: 'c1', clientId: waiting[0]?.clientId, text: 'Back in a minute' }]);
    expect(s.messages.filter((m) => m.clientId === waiting[0]?.clientId)).toHaveLength(1);
    expect(api.messagesOf('c1').map((m) => m.text)).toEqual(['hello', 'Back in a minute']);
  });

  it('a reply whose acknowledgement was lost is sent again with the same client id and stored once', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore({ ackTimeoutMs: 3000 });
    await openChat(store, 'c1', 1);
    api.loseNextAck();
    const sending = store.send('Here is your order number');
    await until(store, (x) => x.connection === 'offline', 'the dropped connection');
    expect(store.getSnapshot().outbox).toHaveLength(1);

    const s = await until(store, (x) => x.outbox.length === 0 && x.messages.length === 2, 'the reply acknowledged after the reconnect');
    expect(await sending).toBe(true);
    const ids = api.received.map((r) => r.clientId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(api.messagesOf('c1').map((m) => m.text)).toEqual(['hello', 'Here is your order number']);
    expect(texts(s)).toEqual(['hello', 'Here is your order number']);
  });

  it('keeps a reply refused for a passing reason (the contract retry rule) and drops one refused for good', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore({ retryMs: 300 });
    await openChat(store, 'c1', 1);

    api.refuseNext('rate_limited');
    expect(await store.send('Kept')).toBe(true);
    let s = store.getSnapshot();
    expect(s.error?.code).toBe('rate_limited');
    expect(s.outbox.map((e) => e.text)).toEqual(['Kept']);
    s = await until(store, (x) => x.outbox.length === 0 && texts(x).includes('Kept'), 'the kept reply sent again');
    expect(s.error).toBeNull();
    const kept = api.received.filter((r) => r.text === 'Kept');
    expect(kept).toHaveLength(2);
    expect(kept[0]?.clientId).toBe(kept[1]?.clientId);

    api.refuseNext('chat_not_found');
    expect(await store.send('Dropped')).toBe(false);
    s = store.getSnapshot();
    expect(s.error?.code).toBe('chat_not_found');
    expect(s.outbox).toEqual([]);
    expect(texts(s)).toEqual(['hello', 'Kept']);
    expect(api.received.filter((r) => r.text === 'Dropped')).toHaveLength(1);
  });

  it('after a reload, a reply the outbox delivers while the opening join is on its way is not wiped by the join', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const storage = memoryStorage();
    // The tab before the reload left a reply waiting.
    new Outbox(storage, `chatiq.outbox.${OPERATOR.id}`).add({
      clientId: 'reply-before-reload',
      chatId: 'c1',
      event: 'admin:message',
      text: 'Sorry for the wait',
      createdAt: new Date().toISOString(),
    });
    api.raceNextJoinWithReply();
    const store = new InboxStore({ operatorId: OPERATOR.id, storage, initialChatId: 'c1' });
    stores.push(store);
    expect(store.getSnapshot().outbox.map((e) => e.text)).toEqual(['Sorry for the wait']); // shown as sending at once
    store.start(api.url, TOKEN);

    // The join's history was read before the reply was stored; its answer comes after the reply's.
    const s = await until(store, (x) => texts(x).includes('hello'), "the join's history");
    expect(texts(s)).toEqual(['hello', 'Sorry for the wait']);
    expect(s.outbox).toEqual([]);
    expect(api.joins).toEqual([{ chatId: 'c1', afterSeq: 0 }]);
    expect(api.received.map((r) => r.clientId)).toEqual(['reply-before-reload']);
  });

  it('watches a chat the AI answers without taking it, and "take over" takes it', async () => {
    api.seedChat(chatSummary('ai-chat', { aiState: 'AI', handledBy: 'AI' }), ['what are your hours?']);
    const store = startStore();
    await openChat(store, 'ai-chat', 1);
    expect(api.joins.at(-1)).toEqual({ chatId: 'ai-chat', afterSeq: 0 });
    expect(store.getSnapshot().takenOver.has('ai-chat')).toBe(false);

    await store.act({ kind: 'takeover' });
    const s = store.getSnapshot();
    expect(s.takenOver.has('ai-chat')).toBe(true);
    expect(s.chats.find((c) => c.id === 'ai-chat')).toMatchObject({ assignedOperatorId: OPERATOR.id, aiState: 'HUMAN' });
  });
  it('assigns the open chat to the operator ("assign to me") with chat:assign; a chat the AI holds is taken over', async () => {
    api.seedChat(
      chatSummary('theirs', { assignedOperatorId: 'someone-else', assignedOperatorName: 'Someone Else', handledBy: 'OPERATOR' }),
      ['hi'],
    );
    api.seedChat(chatSummary('ai-watch', { aiState: 'AI', handledBy: 'AI' }), ['is anyone there?']);
    const store = startStore();
    await openChat(store, 'theirs', 1);
    await store.assignToMe();
    let s = store.getSnapshot();
    expect(s.error).toBeNull();
    expect(s.chats.find((c) => c.id === 'theirs')).toMatchObject({ assignedOperatorId: OPERATOR.id, assignedOperatorName: OPERATOR.name });
    expect(s.takenOver.has('theirs')).toBe(false);

    store.select('ai-watch');
    await until(store, (x) => x.messages.length === 1, "the AI chat's history");
    expect(store.getSnapshot().chats.find((c) => c.id === 'ai-watch')?.assignedOperatorId).toBeNull();
    await store.assignToMe();
    s = store.getSnapshot();
    expect(s.chats.find((c) => c.id === 'ai-watch')).toMatchObject({ assignedOperatorId: OPERATOR.id, aiState: 'HUMAN' });
    expect(s.takenOver.has('ai-watch')).toBe(true);
  });

  it('closes the open chat (back to the list): leaves it, forgets its messages, and opens it again later', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore();
    await openChat(store, 'c1', 1);
    store.deselect();
    let s = store.getSnapshot();
    expect(s.selectedId).toBeNull();
    expect(s.messages).toEqual([]);
    // Nothing of the closed chat reaches the view any more.
    api.visitorWrites('c1', 'after closing');
    await until(store, (x) => x.chats.find((c) => c.id === 'c1')?.lastMessage?.text === 'after closing', 'the list updated');
    expect(store.getSnapshot().messages).toEqual([]);
    store.select('c1');
    s = await until(store, (x) => x.messages.length === 2, 'the reopened history');
    expect(texts(s)).toEqual(['hello', 'after closing']);
  });

  it('opening an unassigned chat leaves it unassigned; "Assign to me" assigns it', async () => {
    api.seedChat(chatSummary('c1'), ['hello']);
    const store = startStore();
    let s = await openChat(store, 'c1', 1);
    expect(s.chats.find((c) => c.id === 'c1')).toMatchObject({ assignedOperatorId: null, handledBy: 'UNASSIGNED' });
    await store.act({ kind: 'assign', operatorId: OPERATOR.id });
    s = store.getSnapshot();
    expect(s.chats.find((c) => c.id === 'c1')).toMatchObject({ assignedOperatorId: OPERATOR.id, handledBy: 'OPERATOR' });
  });
});

import type { MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { visibleStreams } from './ai-stream.js';
import {
  type ChatAction,
  type ChatState,
  chatReducer,
  initialChatState,
  liveMessages,
  newReplies,
  readToSend,
  unsentMessages,
  visitorWrote,
} from './chat-state.js';
import { testMessage } from './test-messages.js';

const message = testMessage;

const visitor = (seq: number, clientId: string, text = `mine ${seq}`) => message(seq, { authorKind: 'VISITOR', clientId, text });
const reduce = (actions: ChatAction[], state: ChatState = initialChatState('en', false)) => actions.reduce(chatReducer, state);
const joined = (messages: MessageDto[] = [], first = true, chatId = 'chat_1'): ChatAction => ({ type: 'joined', chatId, messages, first });
const stored = (messages: MessageDto[], live = true): ChatAction => ({ type: 'stored', messages, live });
const written = (clientId: string, text = `text of ${clientId}`): ChatAction => ({
  type: 'written',
  clientId,
  text,
  at: '2026-01-01T12:01:00.000Z',
});
const texts = (state: ChatState) => state.entries.map((entry) => entry.text);

describe('chat state: merging', () => {
  it('orders out-of-order messages by seq and keeps one copy of a duplicate (the newest)', () => {
    const state = reduce([joined([message(1)]), stored([message(4), message(2)]), stored([message(3), message(2, { text: 'edited' })])]);
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect(texts(state)).toEqual(['message 1', 'edited', 'message 3', 'message 4']);
  });

  it("replaces the visitor's message on its way by its stored copy, in place and with the same key", () => {
    const sending = reduce([joined([message(1)]), written('client-aaaa-1', 'hello')]);
    expect(sending.entries[1]).toMatchObject({ key: 'local:client-aaaa-1', status: 'pending', id: null });
    const acked = chatReducer(sending, stored([visitor(2, 'client-aaaa-1', 'hello')], false));
    expect(acked.entries).toHaveLength(2);
    expect(acked.entries[1]).toMatchObject({ key: 'local:client-aaaa-1', status: 'sent', seq: 2 });
  });

  it('returns the same state for an action that changes nothing', () => {
    const state = reduce([joined([message(1)])]);
    expect(chatReducer(state, stored([]))).toBe(state);
    expect(chatReducer(state, { type: 'receipt', receipt: { chatId: 'chat_1', seq: 1, by: 'visitor' } })).toBe(state);
    expect(chatReducer(state, { type: 'operatorTyping', name: null })).toBe(state);
  });

  it('never mutates the state it was given', () => {
    const before = reduce([joined([message(1)]), written('client-aaaa-1')]);
    const snapshot = structuredClone({ entries: before.entries, unread: before.unread });
    reduce([stored([message(2)]), { type: 'sendFailed', clientId: 'client-aaaa-1', code: 'rate_limited' }], before);
    expect({ entries: before.entries, unread: before.unread }).toEqual(snapshot);
  });
});

describe('chat state: unread count', () => {
  it('counts new replies while the visitor is not reading, not their own messages nor duplicates', () => {
    const state = reduce([joined([]), stored([message(2), visitor(3, 'client-aaaa-3')]), stored([message(2), message(4)])]);
    expect(state.unread).toBe(2);
  });

  it('counts the history of the first join too, until the visitor reads it', () => {
    expect(reduce([joined([message(1), message(2)])]).unread).toBe(2);
  });

  it('resets when the panel opens, even in a tab that is not visible, and stays 0 while reading', () => {
    const unread = reduce([joined([message(1)]), stored([message(2)])]);
    expect(unread.unread).toBe(2);
    expect(chatReducer(unread, { type: 'reading', reading: false, opened: true }).unread).toBe(0);
    const reading = chatReducer(unread, { type: 'reading', reading: true });
    expect(reading.unread).toBe(0);
    expect(chatReducer(reading, stored([message(3)])).unread).toBe(0);
    const away = chatReducer(reading, { type: 'reading', reading: false });
    expect(chatReducer(away, stored([message(3)])).unread).toBe(1);
  });
});

describe('chat state: read receipts', () => {
  it("sends the visitor's receipt of the newest message once, only while reading", () => {
    const state = reduce([joined([message(1), message(2)])]);
    expect(readToSend(state)).toBeNull(); // the panel is closed
    const reading = chatReducer(state, { type: 'reading', reading: true });
    expect(readToSend(reading)).toEqual({ chatId: 'chat_1', seq: 2 });
    const sent = chatReducer(reading, { type: 'readSent', chatId: 'chat_1', seq: 2 });
    expect(readToSend(sent)).toBeNull();
    expect(readToSend(chatReducer(sent, stored([message(3)])))).toEqual({ chatId: 'chat_1', seq: 3 });
  });

  it("marks the visitor's messages the operator read, and only moves forward", () => {
    const state = reduce([joined([visitor(1, 'client-aaaa-1'), message(2), visitor(3, 'client-aaaa-3')])]);
    const read = chatReducer(state, { type: 'receipt', receipt: { chatId: 'chat_1', seq: 2, by: 'operator' } });
    expect(read.entries.map((entry) => entry.seen ?? false)).toEqual([true, false, false]);
    expect(chatReducer(read, { type: 'receipt', receipt: { chatId: 'chat_1', seq: 1, by: 'operator' } })).toBe(read);
    const all = chatReducer(read, { type: 'receipt', receipt: { chatId: 'chat_1', seq: 3, by: 'operator' } });
    expect(all.entries.map((entry) => entry.seen ?? false)).toEqual([true, false, true]);
    // A message of the visitor stored after the receipt that covers it is shown as seen at once.
    const ahead = chatReducer(read, { type: 'receipt', receipt: { chatId: 'chat_1', seq: 5, by: 'operator' } });
    expect(chatReducer(ahead, stored([visitor(4, 'client-x', 'late')])).entries.find((e) => e.text === 'late')?.seen).toBe(true);
  });
});

describe('chat state: the assistant', () => {
  const delta = (index: number, text: string, streamId = 's1', chatId = 'chat_1'): ChatAction => ({
    type: 'aiDelta',
    delta: { chatId, streamId, index, delta: text },
  });
  const shown = (state: ChatState) => visibleStreams(state.streams).map((stream) => stream.text);

  it('typing, then pieces in any order assembled into one bubble, which ends "is typing…"', () => {
    const typing = reduce([joined(), { type: 'aiTyping', chatId: 'chat_1' }]);
    expect(typing.aiTyping).toBe(true);
    const early = chatReducer(typing, delta(1, 'world'));
    expect(shown(early)).toEqual([]);
    expect(early.aiTyping).toBe(true); // nothing to show yet
    const both = chatReducer(early, delta(0, 'Hello '));
    expect(shown(both)).toEqual(['Hello world']);
    expect(both.aiTyping).toBe(false);
  });

  it('done: the stored answer replaces the bubble, counts as a reply, and late pieces are ignored', () => {
    const streaming = reduce([joined(), delta(0, 'Hi')]);
    const answer = message(1, { authorKind: 'AI', authorId: null, authorName: null, text: 'Hi there' });
    const done = chatReducer(streaming, { type: 'aiDone', done: { chatId: 'chat_1', streamId: 's1', message: answer } });
    expect(shown(done)).toEqual([]);
    expect(texts(done)).toEqual(['Hi there']);
    expect(done.unread).toBe(1);
    expect(chatReducer(done, delta(1, ' more'))).toBe(done);
  });

  it('a stored answer that comes first (as admin:message) ends the stream too', () => {
    const streaming = reduce([joined(), delta(0, 'Hi')]);
    const answered = chatReducer(streaming, stored([message(1, { authorKind: 'AI', text: 'Hi there' })]));
    expect(shown(answered)).toEqual([]);
  });

  it('aborted: the partial answer and "is typing…" go', () => {
    const streaming = reduce([joined(), { type: 'aiTyping', chatId: 'chat_1' }, delta(0, 'Partial')]);
    const aborted = chatReducer(streaming, {
      type: 'aiAborted',
      aborted: { chatId: 'chat_1', streamId: 's1', reason: 'operator_takeover' },
    });
    expect(shown(aborted)).toEqual([]);
    expect(aborted.aiTyping).toBe(false);
  });

  it('a reconnect forgets partial answers (their stored copies come with the history)', () => {
    const streaming = reduce([joined(), delta(0, 'Partial')]);
    expect(shown(chatReducer(streaming, joined([], false)))).toEqual([]);
  });

  it('handoff: waiting for a person until an operator answers; events of another chat are ignored', () => {
    const typing = reduce([joined(), { type: 'aiTyping', chatId: 'chat_1' }]);
    const waiting = chatReducer(typing, {
      type: 'aiHandoff',
      handoff: { chatId: 'chat_1', reason: 'visitor_requested', state: 'WAITING_FOR_HUMAN' },
    });
    expect(waiting).toMatchObject({ aiState: 'WAITING_FOR_HUMAN', aiTyping: false });
    expect(chatReducer(waiting, { type: 'aiHandoff', handoff: { chatId: 'other', reason: 'visitor_requested', state: 'AI' } })).toBe(
      waiting,
    );
    expect(chatReducer(waiting, { type: 'aiTyping', chatId: 'other' })).toBe(waiting);
    expect(chatReducer(waiting, stored([message(1)])).aiState).toBe('HUMAN');
  });
});

describe('chat state: operators typing, chat status, business hours', () => {
  it("an operator's reply ends their typing", () => {
    const typing = reduce([joined(), { type: 'operatorTyping', name: 'Oleh' }]);
    expect(typing.operatorTyping).toBe('Oleh');
    expect(chatReducer(typing, stored([message(1)])).operatorTyping).toBeNull();
  });

  it('a resolved chat shows the closed notice until a new chat starts, and ends typing and the handoff', () => {
    const state = reduce([
      joined([message(1)]),
      { type: 'operatorTyping', name: 'Oleh' },
      { type: 'aiHandoff', handoff: { chatId: 'chat_1', reason: 'visitor_requested', state: 'WAITING_FOR_HUMAN' } },
    ]);
    const resolved = chatReducer(state, { type: 'chatStatus', status: { chatId: 'chat_1', status: 'RESOLVED' } });
    expect(resolved).toMatchObject({ closedChatId: 'chat_1', operatorTyping: null, aiTyping: false, aiState: null });
    expect(chatReducer(resolved, { type: 'chatStatus', status: { chatId: 'chat_1', status: 'OPEN' } }).closedChatId).toBeNull();
    const next = chatReducer(resolved, stored([message(1, { chatId: 'chat_2' })]));
    expect(next.chatId).toBe('chat_2');
  });

  it('follows business status changes and the email the visitor left', () => {
    const offline = reduce([joined(), { type: 'business', status: { online: false, nextChangeAt: null, offHoursMessage: 'Back at 9' } }]);
    expect(offline.business?.online).toBe(false);
    const left = chatReducer(offline, { type: 'email', email: 'ann@example.com', left: true });
    expect(left).toMatchObject({ leftEmail: 'ann@example.com', knownEmail: 'ann@example.com' });
    const online = chatReducer(left, { type: 'business', status: { online: true, nextChangeAt: null, offHoursMessage: null } });
    expect(online.business?.online).toBe(true);
    expect(chatReducer(online, { type: 'email', email: 'bob@example.com', left: false })).toMatchObject({
      leftEmail: 'ann@example.com',
      knownEmail: 'bob@example.com',
    });
  });

  it('knows whether the server has an email (the join says so, or the visitor gave one) and a dismissed prompt', () => {
    expect(reduce([joined()]).emailKnown).toBe(false);
    expect(reduce([{ type: 'joined', chatId: 'chat_1', messages: [], first: true, emailKnown: true }]).emailKnown).toBe(true);
    // A later join of an older server (no flag) does not forget it.
    expect(reduce([{ type: 'joined', chatId: 'chat_1', messages: [], first: true, emailKnown: true }, joined()]).emailKnown).toBe(true);
    expect(reduce([joined(), { type: 'email', email: 'ann@example.com', left: false }]).emailKnown).toBe(true);
    const skipped = reduce([joined(), { type: 'emailSkipped' }]);
    expect(skipped.emailSkipped).toBe(true);
    expect(chatReducer(skipped, { type: 'emailSkipped' })).toBe(skipped);
  });

  it('knows when the visitor has written, a message on its way included', () => {
    expect(visitorWrote(reduce([joined()]))).toBe(false);
    expect(visitorWrote(reduce([joined(), { type: 'written', clientId: 'c1', text: 'Hi', at: '2026-12-07T10:00:00.000Z' }]))).toBe(true);
  });

  it('keeps the language the page chose', () => {
    const chosen = reduce([{ type: 'language', language: 'uk', fixed: true }]);
    expect(chosen).toMatchObject({ language: 'uk', languageFixed: true });
    expect(chatReducer(chosen, { type: 'language', language: 'en', fixed: false })).toMatchObject({ language: 'en', languageFixed: true });
  });
});

describe('chat state: resending after a reconnect (the contract retry rule)', () => {
  it("sends the visitor's unacknowledged messages again in the order written, not the stored ones", () => {
    const state = reduce([
      joined([message(1)]),
      written('client-aaaa-1'),
      written('client-aaaa-2'),
      stored([visitor(2, 'client-aaaa-1')], false),
    ]);
    expect(unsentMessages(state)).toEqual([{ clientId: 'client-aaaa-2', text: 'text of client-aaaa-2' }]);
  });

  it('after a join, resends what was refused for a reason that may pass, not what was refused for good', () => {
    const refused = reduce([
      joined(),
      written('client-rate'),
      written('client-bad'),
      written('client-gone'),
      written('client-busy'),
      { type: 'sendFailed', clientId: 'client-rate', code: 'rate_limited' },
      { type: 'sendFailed', clientId: 'client-bad', code: 'validation_failed' },
      { type: 'sendFailed', clientId: 'client-gone', code: 'chat_not_found' },
      { type: 'sendFailed', clientId: 'client-busy', code: 'database_unavailable' },
    ]);
    expect(refused.entries.map((entry) => [entry.clientId, entry.status, entry.retryable])).toEqual([
      ['client-rate', 'failed', true],
      ['client-bad', 'failed', false],
      ['client-gone', 'failed', false],
      ['client-busy', 'failed', true],
    ]);
    const rejoined = chatReducer(refused, joined([], false));
    expect(rejoined.entries.map((entry) => entry.status)).toEqual(['pending', 'failed', 'failed', 'pending']);
    expect(unsentMessages(rejoined).map((m) => m.clientId)).toEqual(['client-rate', 'client-busy']);
  });

  it('a message refused for good waits for the visitor: removed, it is gone', () => {
    const refused = reduce([joined(), written('client-bad'), { type: 'sendFailed', clientId: 'client-bad', code: 'payload_too_large' }]);
    expect(unsentMessages(refused)).toEqual([]);
    expect(chatReducer(refused, { type: 'removed', clientId: 'client-bad' }).entries).toEqual([]);
  });

  it('resent by hand, a refused message is on its way again', () => {
    const refused = reduce([joined(), written('client-rate'), { type: 'sendFailed', clientId: 'client-rate', code: 'rate_limited' }]);
    expect(chatReducer(refused, { type: 'resent', clientId: 'client-rate' }).entries[0]).toMatchObject({ status: 'pending' });
  });

  it("files are not resent by a join: the visitor's upload fails or is retried by hand", () => {
    const state = reduce([
      joined(),
      { type: 'fileAdded', clientId: 'client-file', name: 'a.png', size: 10, at: '2026-01-01T12:01:00.000Z' },
      { type: 'uploadFailed', clientId: 'client-file', error: 'Could not send', retryable: true },
      joined([], false),
    ]);
    expect(state.entries[0]).toMatchObject({ status: 'failed', error: 'Could not send', retryable: true });
    expect(unsentMessages(state)).toEqual([]);
    const again = chatReducer(state, { type: 'uploading', clientId: 'client-file', name: 'a.png', size: 10, progress: 0.5 });
    expect(again.entries[0]).toMatchObject({ status: 'pending', error: undefined, upload: { progress: 0.5 } });
  });
});

describe('chat state: what the page hears of (the SDK message event)', () => {
  it('new live replies only: not the first history, not the visitor’s own, not a duplicate', () => {
    const state = reduce([joined([message(1)])]);
    expect(newReplies(state, liveMessages(joined([message(1)], true)))).toEqual([]);
    expect(newReplies(state, liveMessages(joined([message(1), message(2)], false))).map((m) => m.seq)).toEqual([2]);
    expect(newReplies(state, liveMessages(stored([message(1), message(3), visitor(4, 'client-aaaa-4')])))).toHaveLength(1);
    expect(liveMessages(stored([message(5)], false))).toEqual([]);
  });
});

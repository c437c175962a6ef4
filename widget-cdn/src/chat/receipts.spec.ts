import type { MessageDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { mergeMessages, pendingEntry } from './message-merge.js';
import { applyReadReceipts, closedChatAfter, newestSeq, recordReceipt, showsClosedNotice } from './receipts.js';

function message(seq: number, authorKind: MessageDto['authorKind'], chatId = 'chat-1'): MessageDto {
  return {
    id: `${chatId}-m${seq}`,
    chatId,
    seq,
    publicSeq: seq,
    clientId: authorKind === 'VISITOR' ? `client-${chatId}-${seq}` : null,
    authorKind,
    authorName: authorKind === 'OPERATOR' ? 'Oleh' : null,
    text: `message ${seq}`,
    internal: false,
    createdAt: new Date(2026, 0, 1, 0, seq).toISOString(),
  } as MessageDto;
}

describe('newestSeq', () => {
  it('is the highest stored seq of the chat, ignoring pending messages and other chats', () => {
    const entries = [
      ...mergeMessages(
        [],
        [message(1, 'VISITOR', 'old'), message(9, 'OPERATOR', 'old'), message(1, 'VISITOR'), message(3, 'OPERATOR'), message(2, 'VISITOR')],
      ),
      pendingEntry('client-x', 'on its way', new Date().toISOString()),
    ];
    expect(newestSeq(entries, 'chat-1')).toBe(3);
    expect(newestSeq(entries, 'old')).toBe(9);
    expect(newestSeq(entries, null)).toBeNull();
    expect(newestSeq([], 'chat-1')).toBeNull();
  });
});

describe('applyReadReceipts', () => {
  const entries = mergeMessages([], [message(1, 'VISITOR'), message(2, 'OPERATOR'), message(3, 'VISITOR'), message(4, 'VISITOR')]);

  it("marks the visitor's own messages up to the operator's receipt, not the operator's", () => {
    const marked = applyReadReceipts(entries, new Map([['chat-1', 3]]));
    expect(marked.map((e) => [e.seq, e.seen ?? false])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
    ]);
  });

  it('marks nothing without a receipt for that chat, and keeps unchanged entries as they are', () => {
    const none = applyReadReceipts(entries, new Map([['other-chat', 10]]));
    expect(none.some((e) => e.seen)).toBe(false);
    none.forEach((entry, i) => {
      expect(entry).toBe(entries[i]);
    });
    const marked = applyReadReceipts(entries, new Map([['chat-1', 1]]));
    const again = applyReadReceipts(marked, new Map([['chat-1', 1]]));
    again.forEach((entry, i) => {
      expect(entry).toBe(marked[i]);
    });
  });

  it('never marks a pending message', () => {
    const pending = [pendingEntry('client-x', 'hi', new Date().toISOString())];
    expect(applyReadReceipts(pending, new Map([['chat-1', 99]]))[0]?.seen ?? false).toBe(false);
  });
});

describe('recordReceipt', () => {
  it('only moves forward', () => {
    const none = new Map<string, number>();
    const three = recordReceipt(none, 'chat-1', 3);
    expect(three.get('chat-1')).toBe(3);
    expect(none.size).toBe(0); // never mutated
    expect(recordReceipt(three, 'chat-1', 2)).toBe(three);
    expect(recordReceipt(three, 'chat-1', 3)).toBe(three);
    expect(recordReceipt(three, 'chat-1', 5).get('chat-1')).toBe(5);
  });
});

describe('chat status', () => {
  it("shows the closed notice when the visitor's chat is resolved, until it is reopened", () => {
    const closed = closedChatAfter(null, 'chat-1', { chatId: 'chat-1', status: 'RESOLVED' });
    expect(closed).toBe('chat-1');
    expect(showsClosedNotice(closed, 'chat-1')).toBe(true);
    const reopened = closedChatAfter(closed, 'chat-1', { chatId: 'chat-1', status: 'OPEN' });
    expect(reopened).toBeNull();
    expect(showsClosedNotice(reopened, 'chat-1')).toBe(false);
  });

  it('hides it once a new chat started (the next message has another chatId)', () => {
    const closed = closedChatAfter(null, 'chat-1', { chatId: 'chat-1', status: 'RESOLVED' });
    expect(showsClosedNotice(closed, 'chat-2')).toBe(false);
    expect(showsClosedNotice(closed, null)).toBe(false);
  });

  it("ignores other chats' statuses", () => {
    expect(closedChatAfter(null, 'chat-2', { chatId: 'chat-1', status: 'RESOLVED' })).toBeNull();
    expect(closedChatAfter('chat-2', 'chat-2', { chatId: 'chat-1', status: 'OPEN' })).toBe('chat-2');
    expect(closedChatAfter('chat-2', 'chat-2', { chatId: 'chat-2', status: 'PENDING' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { MessageDto } from './chats.js';
import { lastSeq, mergeMessages } from './message-log.js';

const msg = (id: string, seq: number, text = id): MessageDto => ({
  id,
  chatId: 'c',
  seq,
  clientId: null,
  authorKind: 'VISITOR',
  authorId: null,
  authorName: null,
  text,
  internal: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('mergeMessages', () => {
  it('orders by sequence and keeps one copy per id', () => {
    const merged = mergeMessages([msg('b', 2), msg('a', 1)], [msg('c', 3), msg('b', 2, 'edited')]);
    expect(merged.map((m) => [m.id, m.text])).toEqual([
      ['a', 'a'],
      ['b', 'edited'],
      ['c', 'c'],
    ]);
  });

  it('reports the last sequence seen', () => {
    expect(lastSeq([])).toBe(0);
    expect(lastSeq([msg('a', 4), msg('b', 9), msg('c', 2)])).toBe(9);
  });
});

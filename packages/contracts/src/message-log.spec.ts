import { describe, expect, it } from 'vitest';
import type { MessageDto } from './chats.js';
import { lastSeq, mergeMessages, resumeSeq } from './message-log.js';

const msg = (id: string, seq: number, text = id, publicSeq: number | null = seq): MessageDto => ({
  id,
  chatId: 'c',
  seq,
  publicSeq,
  clientId: null,
  authorKind: 'VISITOR',
  authorId: null,
  authorName: null,
  text,
  internal: publicSeq === null,
  attachment: null,
  systemEvent: null,
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

describe('resumeSeq', () => {
  it('stops before the first missing message, not at the highest one seen', () => {
    expect(resumeSeq([msg('a', 1), msg('b', 2), msg('d', 4)], 'operator')).toBe(2);
    expect(resumeSeq([msg('a', 1), msg('b', 2), msg('c', 3)], 'operator')).toBe(3);
    expect(resumeSeq([msg('b', 2)], 'operator')).toBe(0);
    expect(resumeSeq([], 'visitor')).toBe(0);
  });

  it('lets a visitor skip the private notes it never sees', () => {
    // seq 2 and 4 are notes: the visitor's chain is publicSeq 1, 2, 3 at seq 1, 3, 5.
    const visible = [msg('a', 1, 'a', 1), msg('c', 3, 'c', 2), msg('e', 5, 'e', 3)];
    expect(resumeSeq(visible, 'visitor')).toBe(5);
    expect(resumeSeq([msg('a', 1, 'a', 1), msg('e', 5, 'e', 3)], 'visitor')).toBe(1);
  });
});

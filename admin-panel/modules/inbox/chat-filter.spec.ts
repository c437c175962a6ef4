import type { ChatSummaryDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { filterChats } from './chat-filter';

const chat = (id: string, status: ChatSummaryDto['status'], assignedOperatorId: string | null) =>
  ({ id, status, assignedOperatorId }) as ChatSummaryDto;

describe('filterChats', () => {
  const chats = [chat('a', 'OPEN', 'me'), chat('b', 'PENDING', null), chat('c', 'RESOLVED', 'me'), chat('d', 'OPEN', 'other')];
  const ids = (list: ChatSummaryDto[]) => list.map((c) => c.id);

  it('shows open and pending chats under Open, resolved ones under Resolved', () => {
    expect(ids(filterChats(chats, 'all', 'open', 'me'))).toEqual(['a', 'b', 'd']);
    expect(ids(filterChats(chats, 'all', 'resolved', 'me'))).toEqual(['c']);
  });

  it('narrows to my chats or to unassigned ones', () => {
    expect(ids(filterChats(chats, 'mine', 'open', 'me'))).toEqual(['a']);
    expect(ids(filterChats(chats, 'unassigned', 'open', 'me'))).toEqual(['b']);
    expect(ids(filterChats(chats, 'mine', 'resolved', 'me'))).toEqual(['c']);
  });
});

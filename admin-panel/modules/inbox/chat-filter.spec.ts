import type { ChatSummaryDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { type ChatFilterState, filterChats, needsHuman } from './chat-filter';

const chat = (id: string, status: ChatSummaryDto['status'], assignedOperatorId: string | null, aiState: ChatSummaryDto['aiState'] = null) =>
  ({ id, status, assignedOperatorId, aiState }) as ChatSummaryDto;

describe('filterChats', () => {
  const chats = [chat('a', 'OPEN', 'me'), chat('b', 'PENDING', null), chat('c', 'RESOLVED', 'me'), chat('d', 'OPEN', 'other')];
  const ids = (list: ChatSummaryDto[]) => list.map((c) => c.id);
  const filters = (owner: ChatFilterState['owner'], status: ChatFilterState['status'], needsHuman = false) => ({
    owner,
    status,
    needsHuman,
  });

  it('shows open and pending chats under Open, snoozed ones under Snoozed, resolved ones under Resolved', () => {
    const withSnoozed = [...chats, chat('s', 'SNOOZED', 'me'), chat('sw', 'SNOOZED', null, 'WAITING_FOR_HUMAN')];
    expect(ids(filterChats(withSnoozed, filters('all', 'open'), 'me'))).toEqual(['a', 'b', 'd']);
    expect(ids(filterChats(withSnoozed, filters('all', 'snoozed'), 'me'))).toEqual(['s', 'sw']);
    expect(ids(filterChats(withSnoozed, filters('all', 'resolved'), 'me'))).toEqual(['c']);
    // A snoozed chat is put aside: it does not count as waiting for a human.
    expect(needsHuman(withSnoozed[5]!)).toBe(false);
  });

  it('narrows to my chats or to unassigned ones', () => {
    expect(ids(filterChats(chats, filters('mine', 'open'), 'me'))).toEqual(['a']);
    expect(ids(filterChats(chats, filters('unassigned', 'open'), 'me'))).toEqual(['b']);
    expect(ids(filterChats(chats, filters('mine', 'resolved'), 'me'))).toEqual(['c']);
  });

  it('narrows to the chats the AI handed to humans', () => {
    const withAi = [
      ...chats,
      chat('w', 'OPEN', null, 'WAITING_FOR_HUMAN'),
      chat('ai', 'OPEN', null, 'AI'),
      chat('h', 'OPEN', 'me', 'HUMAN'),
      chat('wr', 'RESOLVED', null, 'WAITING_FOR_HUMAN'),
    ];
    expect(ids(filterChats(withAi, filters('all', 'open', true), 'me'))).toEqual(['w']);
    expect(ids(filterChats(withAi, filters('mine', 'open', true), 'me'))).toEqual([]);
    expect(needsHuman(withAi[7]!)).toBe(false);
  });
});

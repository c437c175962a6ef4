import type { ChatSummaryDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { type ChatFilterState, filterChats, matchesQuery, needsHuman, neighbourChat } from './chat-filter';

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

describe('searching and stepping through the list', () => {
  const found = (overrides: Partial<ChatSummaryDto>) =>
    ({
      id: 'x',
      status: 'OPEN',
      assignedOperatorId: null,
      assignedOperatorName: 'Oleh Operator',
      siteName: 'Sunflower shop',
      visitor: { id: 'visitor-12345', name: 'Марта Зелена', email: 'martha@example.com' },
      lastMessage: { text: 'Do you ship to Lviv?' },
      ...overrides,
    }) as ChatSummaryDto;

  it('finds a chat by every word, in any case, in the name, email, short id, last message, site or assignee', () => {
    const c = found({});
    expect(matchesQuery(c, 'марта')).toBe(true);
    expect(matchesQuery(c, 'MARTHA@example')).toBe(true);
    expect(matchesQuery(c, '12345')).toBe(true);
    expect(matchesQuery(c, 'ship lviv')).toBe(true);
    expect(matchesQuery(c, 'sunflower oleh')).toBe(true);
    expect(matchesQuery(c, 'ship kyiv')).toBe(false);
    expect(
      matchesQuery(found({ lastMessage: null, visitor: { id: 'v-00001', name: null, email: null } as ChatSummaryDto['visitor'] }), 'ship'),
    ).toBe(false);
    const list = [
      found({ id: 'a' }),
      found({ id: 'b', visitor: { id: 'v-99999', name: 'Iryna', email: null } as ChatSummaryDto['visitor'] }),
    ];
    expect(filterChats(list, { owner: 'all', status: 'open', needsHuman: false, query: ' iryna ' }, 'me').map((c) => c.id)).toEqual(['b']);
    expect(filterChats(list, { owner: 'all', status: 'open', needsHuman: false, query: '  ' }, 'me').map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('steps to the next or previous chat of the list shown, from the first when none is open, and stops at the ends', () => {
    const list = [chat('a', 'OPEN', null), chat('b', 'OPEN', null), chat('c', 'OPEN', null)];
    expect(neighbourChat(list, null, 1)?.id).toBe('a');
    expect(neighbourChat(list, null, -1)?.id).toBe('a');
    expect(neighbourChat(list, 'a', 1)?.id).toBe('b');
    expect(neighbourChat(list, 'b', -1)?.id).toBe('a');
    expect(neighbourChat(list, 'c', 1)).toBeNull();
    expect(neighbourChat(list, 'a', -1)).toBeNull();
    expect(neighbourChat(list, 'gone', 1)?.id).toBe('a');
    expect(neighbourChat([], null, 1)).toBeNull();
  });
});

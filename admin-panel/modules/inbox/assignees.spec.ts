import type { ChatSummaryDto, MemberDto } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { assignableMembers, colleaguesFromChats } from './assignees';

const member = (id: string, role: MemberDto['role'], siteIds: string[] = [], active = true) =>
  ({ id, name: `Name ${id}`, role, siteIds, active }) as MemberDto;

describe('assignableMembers', () => {
  const members = [
    member('owner', 'OWNER'),
    member('admin', 'ADMIN'),
    member('op-site', 'OPERATOR', ['s1', 's2']),
    member('op-other', 'OPERATOR', ['s2']),
    member('op-gone', 'OPERATOR', ['s1'], false),
  ];

  it('offers active owners, admins and the operators of the chat site', () => {
    expect(assignableMembers(members, 's1', null).map((m) => m.id)).toEqual(['admin', 'op-site', 'owner']);
    expect(assignableMembers(members, 's2', null).map((m) => m.id)).toEqual(['admin', 'op-other', 'op-site', 'owner']);
  });

  it('leaves out whoever has the chat already', () => {
    expect(assignableMembers(members, 's1', 'op-site').map((m) => m.id)).toEqual(['admin', 'owner']);
  });
});

describe('colleaguesFromChats', () => {
  const chat = (siteId: string, id: string | null, name: string | null) =>
    ({ siteId, assignedOperatorId: id, assignedOperatorName: name }) as ChatSummaryDto;

  it('collects the distinct assignees of chats of the same site', () => {
    const chats = [
      chat('s1', 'a', 'Anna'),
      chat('s1', 'b', 'Bohdan'),
      chat('s1', 'a', 'Anna'),
      chat('s2', 'c', 'Cyril'),
      chat('s1', null, null),
    ];
    expect(colleaguesFromChats(chats, 's1', null)).toEqual([
      { id: 'a', name: 'Anna' },
      { id: 'b', name: 'Bohdan' },
    ]);
    expect(colleaguesFromChats(chats, 's1', 'a')).toEqual([{ id: 'b', name: 'Bohdan' }]);
  });
});

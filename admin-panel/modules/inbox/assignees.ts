import type { ChatSummaryDto, MemberDto } from '@chatiq/contracts';

/** Someone a chat can be transferred to. */
export type Assignee = { id: string; name: string };

/**
 * Members who may take a chat of `siteId`: active, and an owner or admin (they see every site)
 * or an operator assigned to the site. The current assignee is left out (nothing to transfer).
 */
export function assignableMembers(members: readonly MemberDto[], siteId: string, currentAssigneeId: string | null): Assignee[] {
  return members
    .filter((m) => m.active && m.id !== currentAssigneeId && (m.role !== 'OPERATOR' || m.siteIds.includes(siteId)))
    .map((m) => ({ id: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * For operators, who may not list the team: the colleagues seen assigned to chats of the same
 * site in their inbox (they can take chats of that site). May miss colleagues without chats.
 */
export function colleaguesFromChats(chats: readonly ChatSummaryDto[], siteId: string, currentAssigneeId: string | null): Assignee[] {
  const seen = new Map<string, string>();
  for (const chat of chats) {
    if (chat.siteId !== siteId || !chat.assignedOperatorId || !chat.assignedOperatorName) continue;
    if (chat.assignedOperatorId === currentAssigneeId) continue;
    seen.set(chat.assignedOperatorId, chat.assignedOperatorName);
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

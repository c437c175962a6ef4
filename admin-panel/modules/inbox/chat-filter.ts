import type { ChatSummaryDto } from '@chatiq/contracts';

export type OwnerFilter = 'mine' | 'unassigned' | 'all';
export type StatusFilter = 'open' | 'resolved';

/** "Open" is everything not resolved yet (open or pending). */
export function matchesStatus(chat: ChatSummaryDto, status: StatusFilter): boolean {
  return status === 'resolved' ? chat.status === 'RESOLVED' : chat.status !== 'RESOLVED';
}

/** The chats the list shows for the chosen filters, over the loaded list. */
export function filterChats(chats: ChatSummaryDto[], owner: OwnerFilter, status: StatusFilter, operatorId: string): ChatSummaryDto[] {
  return chats.filter((chat) => {
    if (!matchesStatus(chat, status)) return false;
    if (owner === 'mine') return chat.assignedOperatorId === operatorId;
    if (owner === 'unassigned') return chat.assignedOperatorId === null;
    return true;
  });
}

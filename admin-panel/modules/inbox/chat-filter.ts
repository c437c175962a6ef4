import type { ChatSummaryDto } from '@chatiq/contracts';

export type OwnerFilter = 'mine' | 'unassigned' | 'all';
export type StatusFilter = 'open' | 'resolved';

/** The list's filters: assignee, status, and only the chats the AI handed to humans. */
export type ChatFilterState = { owner: OwnerFilter; status: StatusFilter; needsHuman: boolean };

/** "Open" is everything not resolved yet (open or pending). */
export function matchesStatus(chat: ChatSummaryDto, status: StatusFilter): boolean {
  return status === 'resolved' ? chat.status === 'RESOLVED' : chat.status !== 'RESOLVED';
}

/** The AI gave way and no operator has the chat yet. */
export function needsHuman(chat: ChatSummaryDto): boolean {
  return chat.aiState === 'WAITING_FOR_HUMAN' && chat.status !== 'RESOLVED';
}

/** The chats the list shows for the chosen filters, over the loaded list. */
export function filterChats(chats: readonly ChatSummaryDto[], filters: ChatFilterState, operatorId: string): ChatSummaryDto[] {
  return chats.filter((chat) => {
    if (!matchesStatus(chat, filters.status)) return false;
    if (filters.needsHuman && !needsHuman(chat)) return false;
    if (filters.owner === 'mine') return chat.assignedOperatorId === operatorId;
    if (filters.owner === 'unassigned') return chat.assignedOperatorId === null;
    return true;
  });
}

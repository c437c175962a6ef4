import type { ChatSummaryDto } from '@chatiq/contracts';

export type OwnerFilter = 'mine' | 'unassigned' | 'all';
export type StatusFilter = 'open' | 'snoozed' | 'resolved';

/** The list's filters: assignee, status, and only the chats the AI handed to humans. */
export type ChatFilterState = { owner: OwnerFilter; status: StatusFilter; needsHuman: boolean };

/** "Open" is what waits for an answer (open or pending); snoozed chats are put aside until their time. */
export function matchesStatus(chat: ChatSummaryDto, status: StatusFilter): boolean {
  if (status === 'resolved') return chat.status === 'RESOLVED';
  if (status === 'snoozed') return chat.status === 'SNOOZED';
  return chat.status === 'OPEN' || chat.status === 'PENDING';
}

/** The AI gave way and no operator has the chat yet (and it is not snoozed or resolved). */
export function needsHuman(chat: ChatSummaryDto): boolean {
  return chat.aiState === 'WAITING_FOR_HUMAN' && matchesStatus(chat, 'open');
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

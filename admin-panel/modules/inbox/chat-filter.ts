import type { ChatSummaryDto } from '@chatiq/contracts';

export type OwnerFilter = 'mine' | 'unassigned' | 'all';
export type StatusFilter = 'open' | 'snoozed' | 'resolved';

/** The list's filters: assignee, status, only the chats the AI handed to humans, and words to find. */
export type ChatFilterState = { owner: OwnerFilter; status: StatusFilter; needsHuman: boolean; query?: string };

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
    if (filters.query?.trim() && !matchesQuery(chat, filters.query)) return false;
    if (filters.owner === 'mine') return chat.assignedOperatorId === operatorId;
    if (filters.owner === 'unassigned') return chat.assignedOperatorId === null;
    return true;
  });
}

/**
 * Whether the chat has every word of the search (any case) in the visitor's name, email or short
 * id, the last message, the site's or the assignee's name.
 */
export function matchesQuery(chat: ChatSummaryDto, query: string): boolean {
  const haystack = [
    chat.visitor.name,
    chat.visitor.email,
    chat.visitor.id.slice(-5),
    chat.lastMessage?.text,
    chat.siteName,
    chat.assignedOperatorName,
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The chat `step` places after (1) or before (-1) the open one in the list shown; the first when none is open; null past either end. */
export function neighbourChat(chats: readonly ChatSummaryDto[], selectedId: string | null, step: 1 | -1): ChatSummaryDto | null {
  const index = chats.findIndex((c) => c.id === selectedId);
  if (index < 0) return chats[0] ?? null;
  return chats[index + step] ?? null;
}

import type { ChatSummaryDto } from '@chatiq/contracts';

/** Why the operator is alerted: a new chat, a new visitor message, or a chat the AI handed over. */
export type NotificationKind = 'new_chat' | 'new_message' | 'needs_human';

export type NotificationInput = {
  /** The chat as the inbox knew it before this update (undefined: not in the list yet). */
  previous: ChatSummaryDto | undefined;
  next: ChatSummaryDto;
  operatorId: string;
  /** The chat open in the inbox, if any. */
  openChatId: string | null;
  /** Whether the inbox tab is visible. */
  pageVisible: boolean;
  /** Messages older than this (ms since epoch) are history, not news (e.g. the first list load). */
  since: number;
};

/**
 * Chats that concern this operator: theirs, or nobody's that the AI is not answering. A chat
 * assigned to a colleague is the colleague's to hear about.
 */
export function concernsOperator(chat: ChatSummaryDto, operatorId: string): boolean {
  if (chat.status === 'RESOLVED') return false;
  if (chat.assignedOperatorId) return chat.assignedOperatorId === operatorId;
  return chat.aiState !== 'AI';
}

/** Whether an updated chat summary deserves a sound and a browser notification, and why. */
export function decideNotification({
  previous,
  next,
  operatorId,
  openChatId,
  pageVisible,
  since,
}: NotificationInput): NotificationKind | null {
  if (next.id === openChatId && pageVisible) return null; // the operator is looking at it
  if (!concernsOperator(next, operatorId)) return null;
  if (previous && previous.aiState !== 'WAITING_FOR_HUMAN' && next.aiState === 'WAITING_FOR_HUMAN') return 'needs_human';
  const message = next.lastMessage;
  if (message?.authorKind !== 'VISITOR' || message.internal) return null;
  if (previous?.lastMessage?.id === message.id) return null;
  if (Date.parse(message.createdAt) < since) return null;
  return previous ? 'new_message' : 'new_chat';
}

/** Unread visitor messages in the chats that concern the operator (for the tab's title). */
export function unreadTotal(chats: readonly ChatSummaryDto[], operatorId: string): number {
  return chats.reduce((sum, chat) => sum + (concernsOperator(chat, operatorId) ? chat.unreadCount : 0), 0);
}

/** "(3) Inbox · ChatIQ": the unread count in front of the page's own title. */
export function titleWithUnread(title: string, unread: number): string {
  const base = title.replace(/^\(\d+\+?\)\s*/, '');
  if (unread <= 0) return base;
  return `(${unread > 99 ? '99+' : unread}) ${base}`;
}

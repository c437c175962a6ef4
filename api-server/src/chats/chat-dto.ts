import type { ChatSummaryDto, MessageDto, VisitorDto } from '@chatiq/contracts';
import type { Chat, Message, Visitor } from '../generated/prisma/client.js';

export type ChatWithSummary = Chat & { site: { name: string }; visitor: Visitor; messages: Message[] };

/** Prisma `include` that loads what a chat summary shows. */
export const chatSummaryInclude = {
  site: { select: { name: true } },
  visitor: true,
  messages: { orderBy: { seq: 'desc' as const }, take: 1 },
};

export function toMessageDto(message: Message): MessageDto {
  return {
    id: message.id,
    chatId: message.chatId,
    seq: message.seq,
    clientId: message.clientId,
    authorKind: message.authorKind,
    authorId: message.authorId,
    authorName: message.authorName,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toVisitorDto(visitor: Visitor): VisitorDto {
  return {
    id: visitor.id,
    name: visitor.name,
    email: visitor.email,
    currentPageUrl: visitor.currentPageUrl,
    locale: visitor.locale,
    lastSeenAt: visitor.lastSeenAt.toISOString(),
  };
}

export function toChatSummaryDto(chat: ChatWithSummary): ChatSummaryDto {
  const last = chat.messages[0];
  return {
    id: chat.id,
    siteId: chat.siteId,
    siteName: chat.site.name,
    status: chat.status,
    handledBy: chat.handledBy,
    assignedOperatorId: chat.assignedOperatorId,
    visitor: toVisitorDto(chat.visitor),
    lastMessage: last ? toMessageDto(last) : null,
    lastSeq: chat.lastSeq,
    createdAt: chat.createdAt.toISOString(),
    updatedAt: chat.updatedAt.toISOString(),
  };
}

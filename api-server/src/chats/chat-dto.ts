import { type ChatSummaryDto, type MessageDto, type SystemEvent, systemEventSchema, type VisitorDto } from '@chatiq/contracts';
import type { Chat, Message, Visitor } from '../generated/prisma/client.js';

export type ChatWithSummary = Chat & {
  site: { name: string };
  visitor: Visitor;
  messages: Message[];
  assignedOperator: { name: string } | null;
};

/**
 * The messages a chat list previews: what a person or the AI wrote (visitor, operator, AI), not a
 * system event or an auto-reply (SYSTEM) and not a private note. The same rule in SQL is
 * `PREVIEW_MESSAGE_SQL` (the summary statements), in JS `isPreviewMessage`.
 */
export const PREVIEW_AUTHOR_KINDS = ['VISITOR', 'OPERATOR', 'AI'] as const;

export function isPreviewMessage(message: Pick<Message, 'authorKind' | 'internal'>): boolean {
  return !message.internal && (PREVIEW_AUTHOR_KINDS as readonly string[]).includes(message.authorKind);
}

/** `isPreviewMessage` for a "Message" row aliased `alias` in SQL. */
export function previewMessageSql(alias: string): string {
  return `NOT ${alias}.internal AND ${alias}."authorKind" IN (${PREVIEW_AUTHOR_KINDS.map((k) => `'${k}'`).join(', ')})`;
}

/** Prisma `include` that loads what a chat summary shows. */
export const chatSummaryInclude = {
  site: { select: { name: true } },
  visitor: true,
  assignedOperator: { select: { name: true } },
  messages: {
    where: { internal: false, authorKind: { in: [...PREVIEW_AUTHOR_KINDS] } },
    orderBy: { seq: 'desc' as const },
    take: 1,
  },
};

export function toMessageDto(message: Message): MessageDto {
  return {
    id: message.id,
    chatId: message.chatId,
    seq: message.seq,
    publicSeq: message.publicSeq,
    clientId: message.clientId,
    authorKind: message.authorKind,
    authorId: message.authorId,
    authorName: message.authorName,
    text: message.text,
    internal: message.internal,
    attachment: message.attachmentKey
      ? {
          name: message.attachmentName ?? 'file',
          type: message.attachmentType ?? 'application/octet-stream',
          size: message.attachmentSize ?? 0,
        }
      : null,
    systemEvent: toSystemEvent(message.systemEvent),
    createdAt: message.createdAt.toISOString(),
  };
}

/**
 * The stored `{ code, params }` of a SYSTEM message, or null: also for a row without the column
 * (a statement that did not return it) or one a client could not render (an unknown code).
 */
function toSystemEvent(stored: unknown): SystemEvent | null {
  if (stored == null) return null;
  const parsed = systemEventSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function toVisitorDto(visitor: Visitor): VisitorDto {
  return {
    id: visitor.id,
    name: visitor.name,
    email: visitor.email,
    currentPageUrl: visitor.currentPageUrl,
    currentPageTitle: visitor.currentPageTitle,
    referrer: visitor.referrer,
    userAgent: visitor.userAgent,
    locale: visitor.locale,
    externalUserId: visitor.identityVerifiedAt == null ? null : visitor.externalUserId,
    identityVerified: visitor.identityVerifiedAt != null && visitor.externalUserId != null,
    firstSeenAt: visitor.firstSeenAt.toISOString(),
    lastSeenAt: visitor.lastSeenAt.toISOString(),
  };
}

/** `messages`: the chat's last preview message (see `isPreviewMessage`), or none. */
export function toChatSummaryDto(chat: ChatWithSummary): ChatSummaryDto {
  const last = chat.messages[0];
  return {
    id: chat.id,
    siteId: chat.siteId,
    siteName: chat.site.name,
    status: chat.status,
    handledBy: chat.handledBy,
    assignedOperatorId: chat.assignedOperatorId,
    assignedOperatorName: chat.assignedOperator?.name ?? null,
    aiState: chat.aiState,
    followUpAt: chat.followUpAt?.toISOString() ?? null,
    snoozedUntil: chat.snoozedUntil?.toISOString() ?? null,
    visitor: toVisitorDto(chat.visitor),
    lastMessage: last ? toMessageDto(last) : null,
    lastSeq: chat.lastSeq,
    unreadCount: chat.unreadCount,
    visitorLastReadSeq: chat.visitorLastReadSeq,
    operatorLastReadSeq: chat.operatorLastReadSeq,
    firstResponseAt: chat.firstResponseAt?.toISOString() ?? null,
    resolvedAt: chat.resolvedAt?.toISOString() ?? null,
    createdAt: chat.createdAt.toISOString(),
    updatedAt: chat.updatedAt.toISOString(),
  };
}

import { randomUUID } from 'node:crypto';
import {
  type ChatStatus,
  type ChatSummaryDto,
  type MessageDto,
  WEBHOOK_EVENT_VERSION,
  type WebhookChat,
  type WebhookEvent,
  type WebhookMessage,
} from '@chatiq/contracts';

/** The public shapes of a chat and a message in webhook events (the contract's `webhooks.ts`). */
export function webhookChat(chat: ChatSummaryDto): WebhookChat {
  return {
    id: chat.id,
    siteId: chat.siteId,
    status: chat.status,
    snoozedUntil: chat.snoozedUntil,
    handledBy: chat.handledBy,
    assignedOperatorId: chat.assignedOperatorId,
    visitor: {
      id: chat.visitor.id,
      name: chat.visitor.name,
      email: chat.visitor.email,
      externalUserId: chat.visitor.externalUserId,
    },
    createdAt: chat.createdAt,
  };
}

export function webhookMessage(message: MessageDto): WebhookMessage {
  return {
    id: message.id,
    chatId: message.chatId,
    seq: message.seq,
    publicSeq: message.publicSeq,
    authorKind: message.authorKind,
    authorId: message.authorId,
    authorName: message.authorName,
    text: message.text,
    internal: message.internal,
    attachment: message.attachment ? { name: message.attachment.name, type: message.attachment.type, size: message.attachment.size } : null,
    systemEvent: message.systemEvent,
    createdAt: message.createdAt,
  };
}

type Scope = { organizationId: string; siteId: string | null; createdAt?: string };

function envelope(scope: Scope) {
  return {
    id: `evt_${randomUUID()}`,
    version: WEBHOOK_EVENT_VERSION,
    createdAt: scope.createdAt ?? new Date().toISOString(),
    organizationId: scope.organizationId,
    siteId: scope.siteId,
  } as const;
}

export function messageEvent(organizationId: string, chat: ChatSummaryDto, message: MessageDto): WebhookEvent {
  const data = { chat: webhookChat(chat), message: webhookMessage(message) };
  const scope = { organizationId, siteId: chat.siteId, createdAt: message.createdAt };
  return message.internal ? { ...envelope(scope), type: 'note.created', data } : { ...envelope(scope), type: 'message.created', data };
}

export function chatCreatedEvent(organizationId: string, chat: ChatSummaryDto): WebhookEvent {
  return {
    ...envelope({ organizationId, siteId: chat.siteId, createdAt: chat.createdAt }),
    type: 'chat.created',
    data: { chat: webhookChat(chat) },
  };
}

export function chatAssignedEvent(organizationId: string, chat: ChatSummaryDto, assignedBy: string): WebhookEvent {
  return {
    ...envelope({ organizationId, siteId: chat.siteId }),
    type: 'chat.assigned',
    data: { chat: webhookChat(chat), assignedOperatorId: chat.assignedOperatorId, assignedBy },
  };
}

export function chatStatusChangedEvent(organizationId: string, chat: ChatSummaryDto, status: ChatStatus): WebhookEvent {
  return { ...envelope({ organizationId, siteId: chat.siteId }), type: 'chat.status_changed', data: { chat: webhookChat(chat), status } };
}

export function testEvent(organizationId: string, webhookId: string): WebhookEvent {
  return { ...envelope({ organizationId, siteId: null }), type: 'webhook.test', data: { webhookId } };
}

import { z } from 'zod';
import type { ChatSummaryDto, MessageDto } from './chats.js';
import { clientMessageIdSchema, idSchema, messageTextSchema, type AckCallback } from './common.js';
import type { ErrorCode, ValidationIssue } from './errors.js';

export { ADMIN_NAMESPACE, WIDGET_NAMESPACE } from './namespaces.js';

// ---------------------------------------------------------------------------------------------
// Handshakes (`io(url, { auth })`)
// ---------------------------------------------------------------------------------------------

export const widgetHandshakeSchema = z.object({
  /** The site's public id (`window.chtq.siteId`, `data-site-id` or `data-project-id`). */
  siteId: idSchema,
  contractVersion: z.string().max(20).optional(),
});
export type WidgetHandshake = z.infer<typeof widgetHandshakeSchema>;

export const adminHandshakeSchema = z.object({
  /** The access token from `POST /auth/login`. */
  token: z.string().min(1).max(4096),
  contractVersion: z.string().max(20).optional(),
});
export type AdminHandshake = z.infer<typeof adminHandshakeSchema>;

// ---------------------------------------------------------------------------------------------
// Widget → server
// ---------------------------------------------------------------------------------------------

export const pageInfoSchema = z.object({
  url: z.string().max(2048),
  title: z.string().max(500).optional(),
});

export const visitorJoinPayloadSchema = z.object({
  /** The id kept in the browser's localStorage as `chatiq_visitor_id`; absent on a first visit. */
  visitorId: idSchema.optional(),
  page: pageInfoSchema.optional(),
  locale: z.string().max(35).optional(),
  /** The highest message sequence number this client has seen; the ack carries everything after it. */
  afterSeq: z.number().int().nonnegative().default(0),
});
export type VisitorJoinPayload = z.input<typeof visitorJoinPayloadSchema>;

export type VisitorJoinResult = {
  visitorId: string;
  /** The visitor's open chat, if any. */
  chatId: string | null;
  messages: MessageDto[];
};

export const visitorMessagePayloadSchema = z.object({
  clientId: clientMessageIdSchema,
  text: messageTextSchema,
});
export type VisitorMessagePayload = z.input<typeof visitorMessagePayloadSchema>;

/** Ack of a stored message: the stored row, with its per-chat sequence number. */
export type MessageAckData = { message: MessageDto };

// ---------------------------------------------------------------------------------------------
// Admin → server
// ---------------------------------------------------------------------------------------------

export const adminJoinPayloadSchema = z.object({
  chatId: idSchema,
  afterSeq: z.number().int().nonnegative().default(0),
});
export type AdminJoinPayload = z.input<typeof adminJoinPayloadSchema>;

export type AdminJoinResult = { chat: ChatSummaryDto; messages: MessageDto[] };

export const adminMessagePayloadSchema = z.object({
  chatId: idSchema,
  clientId: clientMessageIdSchema,
  text: messageTextSchema,
});
export type AdminMessagePayload = z.input<typeof adminMessagePayloadSchema>;

// ---------------------------------------------------------------------------------------------
// Server → clients
// ---------------------------------------------------------------------------------------------

export type WelcomeMessagePayload = { text: string };

/** Sent when a client event could not be acknowledged (no ack callback given) or a socket is refused. */
export type ServerErrorPayload = {
  code: ErrorCode;
  message: string;
  event?: string;
  issues?: ValidationIssue[];
};

export type MessageCreatedPayload = { message: MessageDto };

// ---------------------------------------------------------------------------------------------
// Event maps: typed Socket.IO servers and clients use these.
// ---------------------------------------------------------------------------------------------

export interface WidgetClientToServerEvents {
  'visitor:join': (payload: VisitorJoinPayload, ack: AckCallback<VisitorJoinResult>) => void;
  'visitor:message': (payload: VisitorMessagePayload, ack: AckCallback<MessageAckData>) => void;
}

export interface WidgetServerToClientEvents {
  /** An operator's reply. */
  'admin:message': (message: MessageDto) => void;
  'welcome:message': (payload: WelcomeMessagePayload) => void;
  'server:error': (payload: ServerErrorPayload) => void;
}

export interface AdminClientToServerEvents {
  'admin:join': (payload: AdminJoinPayload, ack: AckCallback<AdminJoinResult>) => void;
  'admin:message': (payload: AdminMessagePayload, ack: AckCallback<MessageAckData>) => void;
}

export interface AdminServerToClientEvents {
  /** A chat of the operator's organization was created or changed (new message, status…). */
  'chat:updated': (chat: ChatSummaryDto) => void;
  /** A message in a chat this socket has joined with `admin:join`. */
  'message:created': (payload: MessageCreatedPayload) => void;
  'server:error': (payload: ServerErrorPayload) => void;
}

/**
 * The schema of every client → server event, by namespace. The server validates each inbound
 * payload against these; tests enumerate them, so a new event is covered automatically.
 */
export const widgetClientEventSchemas = {
  'visitor:join': visitorJoinPayloadSchema,
  'visitor:message': visitorMessagePayloadSchema,
} as const satisfies Record<keyof WidgetClientToServerEvents, z.ZodType>;

export const adminClientEventSchemas = {
  'admin:join': adminJoinPayloadSchema,
  'admin:message': adminMessagePayloadSchema,
} as const satisfies Record<keyof AdminClientToServerEvents, z.ZodType>;

export type WidgetClientEvent = keyof WidgetClientToServerEvents;
export type AdminClientEvent = keyof AdminClientToServerEvents;

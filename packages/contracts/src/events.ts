import { z } from 'zod';
import {
  type AiAbortedPayload,
  type AiDeltaPayload,
  type AiDonePayload,
  type AiHandoffPayload,
  type AiTypingPayload,
  type ChatTransitionDto,
  chatHandbackPayloadSchema,
} from './ai.js';
import { type BusinessStatusPayload, visitorTranscriptPayloadSchema } from './automation.js';
import { type ChatStatus, type ChatSummaryDto, type MessageDto, snoozeUntilSchema, type VisitorPastChatDto } from './chats.js';
import { ackData, type ClientEvents, type ClientToServerEventsOf, payloadSchemasOf } from './client-events.js';
import { clientMessageIdSchema, idSchema, MAX_SEQ, messageTextSchema } from './common.js';
import { MAX_ATTRIBUTE_TEXT, MAX_ATTRIBUTES_PER_WRITE } from './contacts.js';
import type { ErrorCode, ValidationIssue } from './errors.js';
import type { LabelsUpdatedPayload } from './labels.js';
import type { WidgetSettingsPayload } from './widget-settings.js';

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
  referrer: z.string().max(2048).optional(),
  locale: z.string().max(35).optional(),
  /** The highest message sequence number this client has seen; the ack carries everything after it. */
  afterSeq: z.number().int().nonnegative().max(MAX_SEQ).default(0),
});
export type VisitorJoinPayload = z.input<typeof visitorJoinPayloadSchema>;

export type VisitorJoinResult = {
  visitorId: string;
  /** The visitor's open chat, if any. */
  chatId: string | null;
  messages: MessageDto[];
  /**
   * The visitor left an email before (off-hours prompt, transcript, `setUser`): the widget does
   * not ask for it again. Absent from older servers (then: not known).
   */
  emailKnown?: boolean;
};

export const visitorMessagePayloadSchema = z.object({
  clientId: clientMessageIdSchema,
  text: messageTextSchema,
});
export type VisitorMessagePayload = z.input<typeof visitorMessagePayloadSchema>;

/** `visitor:history`: the visitor's conversations on this site, newest first (the open one included). */
export const visitorHistoryPayloadSchema = z.object({});
export type VisitorHistoryPayload = z.input<typeof visitorHistoryPayloadSchema>;
export type VisitorHistoryResult = { chats: VisitorPastChatDto[] };

/**
 * `visitor:conversation`: one of the visitor's own conversations, read only: its newest visible
 * messages (never a private note), or those before `beforeSeq`, in order. Another visitor's chat
 * is `chat_not_found`.
 */
export const visitorConversationPayloadSchema = z.object({
  chatId: idSchema,
  beforeSeq: z.number().int().positive().max(MAX_SEQ).optional(),
});
export type VisitorConversationPayload = z.input<typeof visitorConversationPayloadSchema>;
export type VisitorConversationResult = { chatId: string; messages: MessageDto[] };

/** Ack of a stored message: the stored row, with its per-chat sequence number. */
export type MessageAckData = { message: MessageDto };

export const typingPayloadSchema = z.object({
  typing: z.boolean(),
});
export type TypingPayload = z.input<typeof typingPayloadSchema>;

/** The visitor has seen everything up to `seq` in their chat (read receipts for operators). */
export const visitorReadPayloadSchema = z.object({
  seq: z.number().int().nonnegative().max(MAX_SEQ),
});
export type VisitorReadPayload = z.input<typeof visitorReadPayloadSchema>;

/** The visitor moved to another page (the admin sees where they are). */
export const visitorPagePayloadSchema = pageInfoSchema;
export type VisitorPagePayload = z.input<typeof visitorPagePayloadSchema>;

/** The visitor told us who they are (pre-chat or off-hours form). */
/**
 * `chtq.setUser({ id, name, email, hash, attributes })`. `userId` is the host site's own user id; `userHash`
 * is hex HMAC-SHA256(key = the site's identity secret, message = userId), computed on the host
 * site's server. A wrong hash fails with `identity_invalid` and nothing is stored. `attributes`
 * (custom contact attributes by key) are applied only for a verified user, each only when the
 * organization defines its key and the value fits its type; anything else is ignored. A visitor
 * who is (or identifies as) a blocked contact is refused with `contact_blocked`, nothing stored.
 */
export const visitorIdentifyPayloadSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
    userId: z.string().trim().min(1).max(200).optional(),
    userHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'Expected a hex HMAC-SHA256')
      .optional(),
    attributes: z
      .record(z.string().max(100), z.union([z.string().max(MAX_ATTRIBUTE_TEXT), z.number(), z.boolean(), z.null()]))
      .refine((r) => Object.keys(r).length <= MAX_ATTRIBUTES_PER_WRITE, `At most ${MAX_ATTRIBUTES_PER_WRITE} attributes at once`)
      .optional(),
  })
  .refine((v) => v.name !== undefined || v.email !== undefined || v.userId !== undefined, 'Give a name, an email or a user id')
  .refine((v) => (v.userId === undefined) === (v.userHash === undefined), {
    message: 'userHash is required exactly when userId is given',
    path: ['userHash'],
  });
export type VisitorIdentifyPayload = z.input<typeof visitorIdentifyPayloadSchema>;

/** `verified` is true when a `userId` was given and its hash matched the site's identity secret. */
export type VisitorIdentifyAck = { verified: boolean };

/** Acks that carry nothing but success. */
export type EmptyAck = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Admin → server
// ---------------------------------------------------------------------------------------------

/**
 * Opens a chat: the socket joins its room and gets its messages after `afterSeq`. Opening only
 * reads: it changes nobody's chat (the assignee, the AI's hold). `chat:assign` to oneself takes a
 * chat ("Assign to me"), and so does a reply to a chat nobody owns. A `takeOver` key older clients
 * send is ignored.
 */
export const adminJoinPayloadSchema = z.object({
  chatId: idSchema,
  afterSeq: z.number().int().nonnegative().max(MAX_SEQ).default(0),
});
export type AdminJoinPayload = z.input<typeof adminJoinPayloadSchema>;

export type AdminJoinResult = { chat: ChatSummaryDto; messages: MessageDto[] };

export const adminMessagePayloadSchema = z.object({
  chatId: idSchema,
  clientId: clientMessageIdSchema,
  text: messageTextSchema,
});
export type AdminMessagePayload = z.input<typeof adminMessagePayloadSchema>;

/** A private note: stored in the chat's sequence, shown to operators only. */
export const adminNotePayloadSchema = adminMessagePayloadSchema;
export type AdminNotePayload = AdminMessagePayload;

export const chatRefPayloadSchema = z.object({ chatId: idSchema });
export type ChatRefPayload = z.input<typeof chatRefPayloadSchema>;

export const adminTypingPayloadSchema = z.object({ chatId: idSchema, typing: z.boolean() });
export type AdminTypingPayload = z.input<typeof adminTypingPayloadSchema>;

export const adminReadPayloadSchema = z.object({ chatId: idSchema, seq: z.number().int().nonnegative().max(MAX_SEQ) });
export type AdminReadPayload = z.input<typeof adminReadPayloadSchema>;

/** Assign a chat to an operator (transfer when it already has one), or unassign with null. */
export const chatAssignPayloadSchema = z.object({ chatId: idSchema, operatorId: idSchema.nullable() });
export type ChatAssignPayload = z.input<typeof chatAssignPayloadSchema>;

export type ChatAckData = { chat: ChatSummaryDto };

/**
 * Put a chat aside until `until` (see `snoozeUntilSchema`): it leaves the open chats (status
 * `SNOOZED`) and comes back `OPEN`, with a private note, at that time or as soon as the visitor
 * writes. Snoozing a snoozed chat moves its wake-up time; a resolved chat cannot be snoozed
 * (`validation_failed`); resolve and reopen work on a snoozed chat (reopen wakes it at once).
 */
export const chatSnoozePayloadSchema = z.object({ chatId: idSchema, until: snoozeUntilSchema });
export type ChatSnoozePayload = z.input<typeof chatSnoozePayloadSchema>;

/** A proactive message: an operator starts (or continues) a chat with a visitor on the site now. */
export const visitorInvitePayloadSchema = z.object({
  visitorId: idSchema,
  clientId: clientMessageIdSchema,
  text: messageTextSchema,
});
export type VisitorInvitePayload = z.input<typeof visitorInvitePayloadSchema>;

// ---------------------------------------------------------------------------------------------
// Server → clients
// ---------------------------------------------------------------------------------------------

export type WelcomeMessagePayload = { text: string };

/**
 * `team:presence` (server → widget): whether someone can answer the site now, i.e. an active
 * member who may see the site (its OWNERs and ADMINs, the OPERATORs assigned to it) has the admin
 * panel connected, on any API node. Sent after each `visitor:join` and pushed to the site's
 * visitors when it changes. The header then says online, or "away" within business hours.
 */
export type TeamPresencePayload = { staffed: boolean };

/** Sent when a client event could not be acknowledged (no ack callback given) or a socket is refused. */
export type ServerErrorPayload = {
  code: ErrorCode;
  message: string;
  event?: string;
  issues?: ValidationIssue[];
};

export type MessageCreatedPayload = { message: MessageDto };

/**
 * The inbox's view of chats the operator may see: each chat's latest summary (replace, do not
 * merge). A change someone made (assignment, status, read state, visitor profile…) comes at once,
 * alone; the summaries that new messages cause are batched per site for up to
 * `CHAT_SUMMARY_BATCH_MS`, one frame for every chat that changed meanwhile.
 */
export type ChatsUpdatedPayload = { chats: ChatSummaryDto[] };

/** How long the inbox summaries after new messages may wait to go out together (see `chats:updated`). */
export const CHAT_SUMMARY_BATCH_MS = 100;

/** Someone on the other side is typing (or stopped). */
export type TypingEventPayload = { chatId: string; typing: boolean; name: string | null };

/** Read receipt: `by` has seen everything up to `seq`. */
export type ReadEventPayload = { chatId: string; seq: number; by: 'visitor' | 'operator' };

/** The visitor's chat changed status (resolved, reopened…; also snoozed and woken, which the widget treats as open). */
export type ChatStatusPayload = { chatId: string; status: ChatStatus };

/** The widget's look, pushed when an owner changes it (defined with the settings routes). */
export type { WidgetSettingsPayload } from './widget-settings.js';

// ---------------------------------------------------------------------------------------------
// Event maps: typed Socket.IO servers and clients use these. Client → server events are declared
// once as `{ payload, ack }` and their Socket.IO maps derived (client-events.ts).
// ---------------------------------------------------------------------------------------------

/**
 * The widget's client → server events, declared once: each one's payload schema (the server
 * parses with it) and its acknowledgement's data. Everything else is derived from this.
 */
export const widgetClientEvents = {
  'visitor:join': { payload: visitorJoinPayloadSchema, ack: ackData<VisitorJoinResult>() },
  'visitor:message': { payload: visitorMessagePayloadSchema, ack: ackData<MessageAckData>() },
  'visitor:typing': { payload: typingPayloadSchema, ack: ackData<EmptyAck>() },
  'visitor:read': { payload: visitorReadPayloadSchema, ack: ackData<EmptyAck>() },
  'visitor:page': { payload: visitorPagePayloadSchema, ack: ackData<EmptyAck>() },
  'visitor:identify': { payload: visitorIdentifyPayloadSchema, ack: ackData<VisitorIdentifyAck>() },
  /** Email the visitor their chat's transcript (automation: offline follow-up). */
  'visitor:transcript': { payload: visitorTranscriptPayloadSchema, ack: ackData<EmptyAck>() },
  /** The visitor's conversations on this site ("Previous conversations"). */
  'visitor:history': { payload: visitorHistoryPayloadSchema, ack: ackData<VisitorHistoryResult>() },
  /** The messages of one of the visitor's own conversations (read only). */
  'visitor:conversation': { payload: visitorConversationPayloadSchema, ack: ackData<VisitorConversationResult>() },
} as const satisfies ClientEvents;

export type WidgetClientToServerEvents = ClientToServerEventsOf<typeof widgetClientEvents>;

export interface WidgetServerToClientEvents {
  /** An operator's (or the AI's, or a system) reply in the visitor's chat. */
  'admin:message': (message: MessageDto) => void;
  /** The visitor's own message, stored from another of their tabs. */
  'visitor:message': (message: MessageDto) => void;
  'welcome:message': (payload: WelcomeMessagePayload) => void;
  'admin:typing': (payload: TypingEventPayload) => void;
  'message:read': (payload: ReadEventPayload) => void;
  'chat:status': (payload: ChatStatusPayload) => void;
  'settings:update': (payload: WidgetSettingsPayload) => void;
  /** Online or offline, at connect and at each business-hours boundary (automation). */
  'business:status': (payload: BusinessStatusPayload) => void;
  /** Whether a member who may answer the site is connected (at each join and when it changes). */
  'team:presence': (payload: TeamPresencePayload) => void;
  /** The AI assistant's answer, streamed (AI bridge). */
  'ai:typing': (payload: AiTypingPayload) => void;
  'ai:delta': (payload: AiDeltaPayload) => void;
  'ai:done': (payload: AiDonePayload) => void;
  'ai:aborted': (payload: AiAbortedPayload) => void;
  'ai:handoff': (payload: AiHandoffPayload) => void;
  'server:error': (payload: ServerErrorPayload) => void;
}

/** The admin panel's client → server events, declared once (see `widgetClientEvents`). */
export const adminClientEvents = {
  /** Open a chat: join its room and get its messages after `afterSeq` (reads only: assigns nothing). */
  'admin:join': { payload: adminJoinPayloadSchema, ack: ackData<AdminJoinResult>() },
  /** Stop receiving a chat's messages and typing. */
  'admin:leave': { payload: chatRefPayloadSchema, ack: ackData<EmptyAck>() },
  'admin:message': { payload: adminMessagePayloadSchema, ack: ackData<MessageAckData>() },
  'admin:note': { payload: adminNotePayloadSchema, ack: ackData<MessageAckData>() },
  'admin:typing': { payload: adminTypingPayloadSchema, ack: ackData<EmptyAck>() },
  'admin:read': { payload: adminReadPayloadSchema, ack: ackData<ChatAckData>() },
  'chat:assign': { payload: chatAssignPayloadSchema, ack: ackData<ChatAckData>() },
  'chat:resolve': { payload: chatRefPayloadSchema, ack: ackData<ChatAckData>() },
  'chat:reopen': { payload: chatRefPayloadSchema, ack: ackData<ChatAckData>() },
  /** Snooze a chat until a time (a snoozed one: move the time). */
  'chat:snooze': { payload: chatSnoozePayloadSchema, ack: ackData<ChatAckData>() },
  'visitor:invite': { payload: visitorInvitePayloadSchema, ack: ackData<MessageAckData>() },
  /** Give a chat back to the AI assistant (HUMAN or WAITING_FOR_HUMAN → AI). */
  'chat:handback': { payload: chatHandbackPayloadSchema, ack: ackData<ChatAckData>() },
} as const satisfies ClientEvents;

export type AdminClientToServerEvents = ClientToServerEventsOf<typeof adminClientEvents>;

export interface AdminServerToClientEvents {
  /** Chats the operator may see were created or changed (new messages, status, assignment…). */
  'chats:updated': (payload: ChatsUpdatedPayload) => void;
  /** A message in a chat this socket has joined with `admin:join`. */
  'message:created': (payload: MessageCreatedPayload) => void;
  'visitor:typing': (payload: TypingEventPayload) => void;
  'message:read': (payload: ReadEventPayload) => void;
  /** The AI's answer streaming in a chat this socket has joined (operators watch it live). */
  'ai:typing': (payload: AiTypingPayload) => void;
  'ai:delta': (payload: AiDeltaPayload) => void;
  'ai:done': (payload: AiDonePayload) => void;
  'ai:aborted': (payload: AiAbortedPayload) => void;
  /** A chat changed hands (AI, waiting for a human, a human), with why: to joined sockets. */
  'chat:transition': (payload: ChatTransitionDto) => void;
  /** The organization's labels, or the labels of a chat or contact the socket may see, changed. */
  'labels:updated': (payload: LabelsUpdatedPayload) => void;
  'server:error': (payload: ServerErrorPayload) => void;
}

/**
 * The payload schema of every client → server event, by namespace, derived from the declarations
 * above. Tests enumerate them, so a new event is covered automatically.
 */
export const widgetClientEventSchemas = payloadSchemasOf(widgetClientEvents);
export const adminClientEventSchemas = payloadSchemasOf(adminClientEvents);

export type WidgetClientEvent = keyof typeof widgetClientEvents;
export type AdminClientEvent = keyof typeof adminClientEvents;

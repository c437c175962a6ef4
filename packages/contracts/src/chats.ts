import { z } from 'zod';
import { aiChatStateSchema } from './ai.js';
import { attachmentDtoSchema } from './attachment.js';
import { timeZoneSchema } from './automation.js';
import { idSchema, MAX_SEQ } from './common.js';
import { labelFilterQuerySchema } from './labels.js';

/**
 * `SNOOZED`: put aside by an operator until `snoozedUntil` (the chat summary's); it comes back as
 * `OPEN` then, or as soon as the visitor writes. Like `PENDING`, it is not resolved: the visitor's
 * chat goes on, nothing about the snooze is shown to them.
 */
export const chatStatusSchema = z.enum(['OPEN', 'PENDING', 'SNOOZED', 'RESOLVED']);
export type ChatStatus = z.infer<typeof chatStatusSchema>;

export const chatHandlerSchema = z.enum(['UNASSIGNED', 'AI', 'OPERATOR']);
export type ChatHandler = z.infer<typeof chatHandlerSchema>;

export const authorKindSchema = z.enum(['VISITOR', 'OPERATOR', 'AI', 'SYSTEM']);
export type AuthorKind = z.infer<typeof authorKindSchema>;

/**
 * What a server-made SYSTEM message says, as a code and its parameters, so that clients render it
 * in their reader's language (the message's `text` is the English sentence, kept for transcripts,
 * exports and clients that do not know the code). Parameters by code (all strings):
 * - `chat.assigned` `{ actor, assignee }`: "Anna assigned this chat to Bohdan" (private note);
 * - `chat.self_assigned` `{ actor }`: "Anna assigned this chat to themselves" (private note);
 * - `chat.unassigned` `{ actor }`: "Anna unassigned this chat" (private note);
 * - `auto_reply.fired` `{ trigger, seq, keywords?, pattern?, seconds?, status?, assignee?, notAssigned? }`:
 *   the private log of an auto-reply. `trigger` is the rule's (`KEYWORD`, `PATTERN`,
 *   `FIRST_MESSAGE`, `OUTSIDE_HOURS`, `NO_REPLY`) with its detail (`keywords`: the keywords as
 *   `"a", "b"`; `pattern`; `seconds`: NO_REPLY's wait); `seq`: the visitor message it answered;
 *   what the rule then did: `status` (`PENDING` | `RESOLVED`) it set, `assignee` (a name) it
 *   assigned, `notAssigned: 'true'` when its operator could no longer take the chat;
 * - `ai.handoff` `{ reason }`: the message the visitor reads when the AI hands the chat to people
 *   (visible; `text` is already in the visitor's language, so show `text`); `reason` is an
 *   `AiHandoffReason`;
 * - `chat.auto_resolved` `{ minutes }`: "Resolved automatically after 30 min without messages
 *   (answered by the AI)" (private note): the scheduler resolved a chat the AI alone answered once
 *   nobody wrote in it for the site's `autoResolveAfterMinutes`;
 * - `chat.snoozed` `{ actor, until }`: "Anna snoozed this chat until 2026-12-08T09:00:00.000Z"
 *   (private note; `until` is an ISO instant: render it in the reader's time zone);
 * - `chat.unsnoozed` `{ reason }`: the snooze is over and the chat is open again (private note);
 *   `reason` `time`: "Snooze ended", `visitor`: "Visitor wrote while snoozed".
 * The auto-reply's own reply (the rule owner's text) has none. Clients fall back to `text` for an
 * unknown code or a missing parameter.
 */
export const systemEventCodeSchema = z.enum([
  'chat.assigned',
  'chat.self_assigned',
  'chat.unassigned',
  'auto_reply.fired',
  'ai.handoff',
  'chat.auto_resolved',
  'chat.snoozed',
  'chat.unsnoozed',
]);
export type SystemEventCode = z.infer<typeof systemEventCodeSchema>;
export const systemEventSchema = z.object({ code: systemEventCodeSchema, params: z.record(z.string(), z.string()) });
export type SystemEvent = z.infer<typeof systemEventSchema>;

export const messageDtoSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  /** Per-chat sequence number: gap-free over all messages, private notes included. */
  seq: z.number().int().positive(),
  /** Per-chat numbering of what the visitor sees (null for private notes): gap-free from 1. */
  publicSeq: z.number().int().positive().nullable(),
  clientId: z.string().nullable(),
  authorKind: authorKindSchema,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  /**
   * An operator's avatar (`avatarPath` on the API, prefix the API URL), or null/absent: show
   * initials. Looked up when the message is read, so a new or removed picture shows at once.
   */
  authorAvatarUrl: z.string().nullable().optional(),
  text: z.string(),
  /** A private note between operators: never sent to the visitor. */
  internal: z.boolean(),
  /** The file the message carries (download: `attachmentPath` / `widgetAttachmentPath`). */
  attachment: attachmentDtoSchema.nullable(),
  /**
   * SYSTEM messages the server made: what to render in the reader's language (see
   * `systemEventSchema`; `text` is the English fallback); null otherwise.
   */
  systemEvent: systemEventSchema.nullable(),
  createdAt: z.string(),
});
export type MessageDto = z.infer<typeof messageDtoSchema>;

export const visitorDtoSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  currentPageUrl: z.string().nullable(),
  currentPageTitle: z.string().nullable(),
  referrer: z.string().nullable(),
  userAgent: z.string().nullable(),
  locale: z.string().nullable(),
  /** The host site's user id, set by a verified `chtq.setUser` (hash checked); null otherwise. */
  externalUserId: z.string().nullable(),
  /** True when `externalUserId` was verified with the site's identity secret. */
  identityVerified: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type VisitorDto = z.infer<typeof visitorDtoSchema>;

export const chatSummaryDtoSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  status: chatStatusSchema,
  handledBy: chatHandlerSchema,
  assignedOperatorId: z.string().nullable(),
  assignedOperatorName: z.string().nullable(),
  /** The AI assistant's hold on the chat; null when the AI never took part. */
  aiState: aiChatStateSchema.nullable(),
  /** Set while the chat waits for a follow-up by email (left outside hours or unanswered). */
  followUpAt: z.string().nullable(),
  /** While `status` is `SNOOZED`: when it comes back to `OPEN` (ISO instant); null otherwise. */
  snoozedUntil: z.string().nullable(),
  visitor: visitorDtoSchema,
  /**
   * The chat list's preview: the last message a person or the AI wrote (visitor, operator, AI),
   * never a system event, an auto-reply or a private note; null before the first one.
   */
  lastMessage: messageDtoSchema.nullable(),
  lastSeq: z.number().int().nonnegative(),
  /** Visitor messages the operators have not read yet. */
  unreadCount: z.number().int().nonnegative(),
  /** Read receipts: the highest sequence number each side has seen. */
  visitorLastReadSeq: z.number().int().nonnegative(),
  operatorLastReadSeq: z.number().int().nonnegative(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChatSummaryDto = z.infer<typeof chatSummaryDtoSchema>;

/** The inbox: chats of a site, a status, and with any (`labelMatch=any`) or all of `labelIds`. */
export const listChatsQuerySchema = labelFilterQuerySchema.extend({
  siteId: idSchema.optional(),
  status: chatStatusSchema.optional(),
});
export type ListChatsQuery = z.infer<typeof listChatsQuerySchema>;

/** The longest a chat can be snoozed for. */
export const MAX_SNOOZE_DAYS = 365;

/**
 * When a snoozed chat comes back: an ISO date-time with a zone (`Z` or an offset), after "now" (the
 * reader's clock: the server's when it parses the request) and at most MAX_SNOOZE_DAYS ahead.
 * Parsed to the ISO instant in UTC.
 */
export const snoozeUntilSchema = z.iso
  .datetime({ offset: true, message: 'Must be a date and time such as 2026-12-08T09:00:00Z' })
  .transform((value) => new Date(value).toISOString())
  .refine((value) => Date.parse(value) > Date.now(), 'Must be in the future')
  .refine((value) => Date.parse(value) <= Date.now() + MAX_SNOOZE_DAYS * 86_400_000, `Must be at most ${MAX_SNOOZE_DAYS} days ahead`);

export const listMessagesQuerySchema = z.object({
  /** Only messages with a sequence number greater than this (resume, forward paging). */
  afterSeq: z.coerce.number().int().nonnegative().max(MAX_SEQ).default(0),
  /** Only the `limit` messages just before this sequence number (scrolling back through history). */
  beforeSeq: z.coerce.number().int().positive().max(MAX_SEQ).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export const transcriptQuerySchema = z.object({
  format: z.enum(['txt', 'json']).default('txt'),
  /**
   * The reader's time zone (the operator's browser's) for the times in the text; absent or not a
   * zone this server knows: the site's business-hours zone, else UTC.
   */
  timeZone: timeZoneSchema.optional().catch(undefined),
});
export type TranscriptQuery = z.infer<typeof transcriptQuerySchema>;

/**
 * Past conversations. The operator's visitor panel: `GET /visitors/:visitorId/chats`, the visitor's
 * chats and, when the visitor is linked to a contact, every chat of the contact's visitors, on the
 * sites the operator sees, newest first (at most `MAX_VISITOR_CHATS`). The widget:
 * `visitor:history` lists the visitor's own chats on the site (`VisitorPastChatDto`, never a note
 * or anything about the operators' side), `visitor:conversation` reads one of them.
 */
export const MAX_VISITOR_CHATS = 50;
/** At most this many messages per `visitor:conversation` answer (the newest, or those before `beforeSeq`). */
export const MAX_VISITOR_CHAT_MESSAGES = 200;

export const visitorChatsResponseSchema = z.array(chatSummaryDtoSchema).max(MAX_VISITOR_CHATS);

/** One of the visitor's conversations as the widget lists it: what the visitor saw of it, nothing more. */
export const visitorPastChatDtoSchema = z.object({
  id: z.string(),
  status: chatStatusSchema,
  createdAt: z.string(),
  /** The last message a person or the AI wrote in it (never a note nor a system event); null before the first one. */
  lastMessage: messageDtoSchema.nullable(),
});
export type VisitorPastChatDto = z.infer<typeof visitorPastChatDtoSchema>;

/** A visitor with the widget open right now (at least one connected tab). */
export const liveVisitorDtoSchema = z.object({
  visitorId: z.string(),
  siteId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  currentPageUrl: z.string().nullable(),
  currentPageTitle: z.string().nullable(),
  locale: z.string().nullable(),
  /** When the earliest of their open tabs connected: "time on site" is now minus this. */
  connectedAt: z.string(),
  tabs: z.number().int().positive(),
  chatId: z.string().nullable(),
});
export type LiveVisitorDto = z.infer<typeof liveVisitorDtoSchema>;

export const listLiveVisitorsQuerySchema = z.object({ siteId: idSchema.optional() });
export type ListLiveVisitorsQuery = z.infer<typeof listLiveVisitorsQuerySchema>;

import { z } from 'zod';
import { authorKindSchema, chatHandlerSchema, chatStatusSchema, systemEventSchema } from './chats.js';
import { idSchema } from './common.js';

/**
 * Webhooks: what ChatIQ POSTs to an organization's subscribed URLs (signed, see docs/webhooks.md),
 * and the REST bodies of the subscriptions. Every event has the same envelope; `data` is the event
 * type's own shape. These shapes are a public, versioned API: add fields, never change or remove
 * one without a new `version`.
 */

/** Every event a subscription can ask for. `note.created`: private notes, only when asked for. */
export const WEBHOOK_EVENT_TYPES = ['chat.created', 'message.created', 'note.created', 'chat.assigned', 'chat.status_changed'] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** The version every event of this contract carries in `version`. */
export const WEBHOOK_EVENT_VERSION = 1;

export const webhookVisitorSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The site's own user id, from a verified `chtq.setUser`. */
  externalUserId: z.string().nullable(),
});

export const webhookChatSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  status: chatStatusSchema,
  /** While `status` is `SNOOZED`: when the chat comes back to `OPEN` (ISO instant); null otherwise. */
  snoozedUntil: z.string().nullable(),
  handledBy: chatHandlerSchema,
  assignedOperatorId: z.string().nullable(),
  visitor: webhookVisitorSchema,
  createdAt: z.string(),
});
export type WebhookChat = z.infer<typeof webhookChatSchema>;

export const webhookMessageSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  seq: z.number().int(),
  publicSeq: z.number().int().nullable(),
  authorKind: authorKindSchema,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  text: z.string(),
  /** A private note (only in `note.created`). */
  internal: z.boolean(),
  /** The file's metadata (never its bytes or a download link). */
  attachment: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
  systemEvent: systemEventSchema.nullable(),
  createdAt: z.string(),
});
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({
    /** The event's id: the same on every attempt and re-send; receivers de-duplicate on it. */
    id: z.string(),
    type: z.literal(type),
    version: z.literal(WEBHOOK_EVENT_VERSION),
    /** When the change happened (ISO 8601). */
    createdAt: z.string(),
    organizationId: z.string(),
    /** The site of the chat; null for a test event. */
    siteId: z.string().nullable(),
    data,
  });

export const chatCreatedEventSchema = envelope('chat.created', z.object({ chat: webhookChatSchema }));
export const messageCreatedEventSchema = envelope('message.created', z.object({ chat: webhookChatSchema, message: webhookMessageSchema }));
export const noteCreatedEventSchema = envelope('note.created', z.object({ chat: webhookChatSchema, message: webhookMessageSchema }));
export const chatAssignedEventSchema = envelope(
  'chat.assigned',
  z.object({
    chat: webhookChatSchema,
    /** Null: the chat was unassigned. */
    assignedOperatorId: z.string().nullable(),
    /** The member who assigned it. */
    assignedBy: z.string(),
  }),
);
export const chatStatusChangedEventSchema = envelope(
  'chat.status_changed',
  z.object({ chat: webhookChatSchema, status: chatStatusSchema }),
);
/** Sent by "send test event" only (`POST /webhooks/:id/test`), whatever the subscription's events. */
export const webhookTestEventSchema = envelope('webhook.test', z.object({ webhookId: z.string() }));

export const webhookEventSchema = z.discriminatedUnion('type', [
  chatCreatedEventSchema,
  messageCreatedEventSchema,
  noteCreatedEventSchema,
  chatAssignedEventSchema,
  chatStatusChangedEventSchema,
  webhookTestEventSchema,
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Request headers of every delivery. */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (a second `v1=` while a rotated secret is still valid). */
  signature: 'ChatIQ-Signature',
  eventId: 'ChatIQ-Event-Id',
  eventType: 'ChatIQ-Event-Type',
} as const;

const webhookUrlSchema = z.url({ protocol: /^https?$/, message: 'An http(s) URL' }).max(2048);

export const createWebhookBodySchema = z.object({
  url: webhookUrlSchema,
  events: z.array(webhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
  /** Only this site's events; null or absent: every site of the organization. */
  siteId: idSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBodySchema>;

/** Enabling a disabled subscription starts its failure count again. */
export const updateWebhookBodySchema = createWebhookBodySchema.partial();
export type UpdateWebhookBody = z.infer<typeof updateWebhookBodySchema>;

export const rotateWebhookSecretBodySchema = z.object({
  /** How long the previous secret still signs (its `v1=` is sent too); default a day, 0: at once. */
  previousSecretValidSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .optional(),
});
export type RotateWebhookSecretBody = z.infer<typeof rotateWebhookSecretBodySchema>;

export const webhookDtoSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  siteId: z.string().nullable(),
  enabled: z.boolean(),
  /** Failed attempts in a row (0 after a delivered one). */
  consecutiveFailures: z.number().int(),
  /** Set when the server disabled it after a run of failures (the owners got a mail). */
  disabledAt: z.string().nullable(),
  /** Until then the previous secret signs deliveries too. */
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDto = z.infer<typeof webhookDtoSchema>;

/** The signing secret, in this answer only (create, rotate). */
export const webhookWithSecretDtoSchema = z.object({ webhook: webhookDtoSchema, secret: z.string() });
export type WebhookWithSecretDto = z.infer<typeof webhookWithSecretDtoSchema>;

export const webhookDeliveryDtoSchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  /** 1 for the first attempt of this event to this subscription. */
  attempt: z.number().int(),
  /** The request body's first 1,000 characters. */
  requestBodyExcerpt: z.string(),
  /** Null: no answer (refused address, timeout, connection error: see `error`). */
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  delivered: z.boolean(),
  createdAt: z.string(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliveryDtoSchema>;

export const listWebhookDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuerySchema>;

/** Answer of "send test event" and "re-send": the event queued. */
export const queuedWebhookEventDtoSchema = z.object({ eventId: z.string() });
export type QueuedWebhookEventDto = z.infer<typeof queuedWebhookEventDtoSchema>;

// Analytics (admin panel): conversation figures over a date range.
import { z } from 'zod';
import { localDateSchema, timeZoneSchema } from './automation.js';
import { idSchema } from './common.js';

/** Longest range one request may cover, in days. */
export const ANALYTICS_MAX_DAYS = 366;

/** GET /analytics?from=2026-11-01&to=2026-11-30&timezone=Europe/Kyiv&siteId= — both dates included. */
export const analyticsQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    /** Days are counted in this zone (the browser's, usually). */
    timezone: timeZoneSchema.default('UTC'),
    /** One site; absent: every site the caller may see. */
    siteId: idSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Must not be before from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < ANALYTICS_MAX_DAYS, {
    path: ['to'],
    message: `At most ${ANALYTICS_MAX_DAYS} days`,
  });
export type AnalyticsQuery = z.input<typeof analyticsQuerySchema>;

/** Figures of a set of chats (those started in a day, or handled by an operator, or of a site). */
export const chatFiguresSchema = z.object({
  chats: z.number().int(),
  resolved: z.number().int(),
  /**
   * Median seconds from the chat's start to the first reply by a person (an operator); AI answers
   * and auto-replies do not count. Null: no operator replied.
   */
  medianFirstResponseSeconds: z.number().nullable(),
  /** Median seconds from the chat's start to the AI assistant's first answer; null: the AI answered none. */
  medianFirstAiResponseSeconds: z.number().nullable(),
  /** Chats the AI assistant answered at least once. */
  answeredByAi: z.number().int(),
  /** Chats an auto-reply rule answered at least once. */
  autoReplied: z.number().int(),
  /** Median seconds from the chat's start to its resolution; null: none resolved. */
  medianResolutionSeconds: z.number().nullable(),
  /** Chats the AI answered without ever handing over to a person. */
  aiOnly: z.number().int(),
  /** Chats the AI handed to a person (by the model, the visitor, an error, a cap or a takeover). */
  handedOver: z.number().int(),
});
export type ChatFigures = z.infer<typeof chatFiguresSchema>;

export const analyticsDtoSchema = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: chatFiguresSchema,
  /** Every day of the range, oldest first, empty days included. */
  perDay: z.array(chatFiguresSchema.extend({ day: z.string() })),
  /** Chats assigned to each operator, with the replies they wrote; most chats first. */
  perOperator: z.array(chatFiguresSchema.extend({ operatorId: z.string(), name: z.string(), replies: z.number().int() })),
  perSite: z.array(chatFiguresSchema.extend({ siteId: z.string(), name: z.string() })),
});
export type AnalyticsDto = z.infer<typeof analyticsDtoSchema>;

// Automation settings: business hours, auto-replies, quick templates (issue 7).
import { z } from 'zod';
import { idSchema } from './common.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

// ---------------------------------------------------------------------------------------------
// Wall-clock building blocks
// ---------------------------------------------------------------------------------------------

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A wall-clock time "HH:MM" from 00:00 to 23:59, read in the schedule's time zone. */
export const wallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time from 00:00 to 23:59');

/** A closing time: any wall time, or "24:00" for the end of the day. */
export const closingWallTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Must be a time from 00:00 to 24:00');

/** Minutes since midnight of an "HH:MM" wall time (validated beforehand), "24:00" being 1440. */
export function wallTimeToMinutes(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * Where an opening interval lies, in minutes from the midnight of the day it opens. A close at or
 * before the open (22:00–02:00, or 09:00–09:00 for a full 24 hours) runs overnight into the next
 * day, so `end` may exceed 1440. One rule for the contract's checks and the server's evaluation.
 */
export function intervalMinutes(interval: { open: string; close: string }): { start: number; end: number } {
  const start = wallTimeToMinutes(interval.open);
  const close = wallTimeToMinutes(interval.close);
  return { start, end: close > start ? close : close + MINUTES_PER_DAY };
}

/**
 * Whether `timeZone` names a zone this runtime knows. We ask `Intl` instead of listing zones
 * because `Intl.supportedValuesOf('timeZone')` omits aliases and "UTC" (Node lists Europe/Kiev but
 * not Europe/Kyiv). The shape check keeps out what `Intl` also accepts but IANA does not name,
 * such as the bare offset "+02:00".
 */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as "Europe/Kyiv"; every wall time of a schedule is read in it. */
export const timeZoneSchema = z.string().trim().max(64).refine(isTimeZone, 'Must be an IANA time zone such as Europe/Kyiv');

/** A calendar date "YYYY-MM-DD" that exists (no February 30th). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date such as 2025-12-25')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'Not a calendar date');

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export const weekdaySchema = z.number().int().min(0).max(6);

// ---------------------------------------------------------------------------------------------
// Business hours
// ---------------------------------------------------------------------------------------------

/** Open from `open` to `close` on one day; a close at or before the open runs into the next day. */
export const openingIntervalSchema = z.object({
  open: wallTimeSchema,
  close: closingWallTimeSchema,
});
export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

/** One interval of the weekly plan. A weekday may have several; an overnight one belongs to the day it opens. */
export const weeklyIntervalSchema = z.object({
  weekday: weekdaySchema,
  open: wallTimeSchema,
  close: closingWallTimeSchema,
});
export type WeeklyInterval = z.infer<typeof weeklyIntervalSchema>;

/**
 * A holiday (`closed: true`) or a day with special hours. It replaces the weekly plan's intervals
 * that open on that local date; an overnight interval of the day before still runs into it.
 */
export const businessHoursExceptionSchema = z.union(
  [
    z.strictObject({ date: localDateSchema, closed: z.literal(true) }),
    z.strictObject({ date: localDateSchema, intervals: z.array(openingIntervalSchema).min(1).max(10) }),
  ],
  { error: 'Must be { date, closed: true } or { date, intervals: [{ open, close }] }' },
);
export type BusinessHoursException = z.infer<typeof businessHoursExceptionSchema>;

function describeWeekly(interval: WeeklyInterval): string {
  return `${WEEKDAY_NAMES[interval.weekday]} ${interval.open}–${interval.close}`;
}

/** Two half-open minute ranges on a circle of `period` minutes (the week) overlap. */
function overlapsOnCircle(a: { start: number; end: number }, b: { start: number; end: number }, period: number): boolean {
  return [-period, 0, period].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}

/**
 * Overlapping intervals are refused rather than merged: they are almost always a typing mistake,
 * and the admin panel can point at the field. Intervals that only touch (09:00–12:00, 12:00–18:00)
 * are fine. The weekly check wraps around the week, so Saturday 22:00–02:00 overlaps Sunday 01:00–05:00.
 */
function checkBusinessHours(settings: { weekly: WeeklyInterval[]; exceptions: BusinessHoursException[] }, ctx: z.RefinementCtx): void {
  // zod runs this even when a time failed its format check; such an interval already has its issue.
  const wellFormed = (interval: OpeningInterval) =>
    wallTimeSchema.safeParse(interval.open).success && closingWallTimeSchema.safeParse(interval.close).success;
  const weekly = settings.weekly.map((interval) => {
    if (!wellFormed(interval)) return { start: Number.NaN, end: Number.NaN }; // NaN overlaps nothing
    const { start, end } = intervalMinutes(interval);
    const offset = interval.weekday * MINUTES_PER_DAY;
    return { start: start + offset, end: end + offset };
  });
  weekly.forEach((range, j) => {
    const i = weekly.findIndex((other, index) => index < j && overlapsOnCircle(other, range, MINUTES_PER_WEEK));
    if (i >= 0) {
      const earlier = settings.weekly[i]!;
      ctx.addIssue({ code: 'custom', path: ['weekly', j], message: `Overlaps weekly[${i}] (${describeWeekly(earlier)})` });
    }
  });

  const seenDates = new Map<string, number>();
  settings.exceptions.forEach((exception, e) => {
    const first = seenDates.get(exception.date);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['exceptions', e, 'date'], message: `Same date as exceptions[${first}]` });
    } else {
      seenDates.set(exception.date, e);
    }
    if (!('intervals' in exception)) return;
    const ranges = exception.intervals.map((interval) =>
      wellFormed(interval) ? intervalMinutes(interval) : { start: Number.NaN, end: Number.NaN },
    );
    ranges.forEach((range, j) => {
      const i = ranges.findIndex((other, index) => index < j && other.start < range.end && range.start < other.end);
      if (i >= 0) ctx.addIssue({ code: 'custom', path: ['exceptions', e, 'intervals', j], message: `Overlaps intervals[${i}]` });
    });
  });
}

export const businessHoursSettingsSchema = z
  .object({
    timezone: timeZoneSchema,
    /** Off: the site is always online. */
    enabled: z.boolean().default(true),
    weekly: z.array(weeklyIntervalSchema).max(70).default([]),
    exceptions: z.array(businessHoursExceptionSchema).max(400).default([]),
    /** Shown by the widget while offline; empty or null shows the widget's own default text. */
    offHoursMessage: z.string().trim().max(1000).nullable().default(null),
  })
  .superRefine(checkBusinessHours);
export type BusinessHoursSettingsInput = z.input<typeof businessHoursSettingsSchema>;
/** The settings after validation (defaults applied): what the server evaluates. */
export type BusinessHoursSettings = z.output<typeof businessHoursSettingsSchema>;

/** `business:status` (server → widget): sent at connect and pushed at every boundary. */
export const businessStatusPayloadSchema = z.object({
  online: z.boolean(),
  /** When `online` flips next, if it does within the lookahead (about two weeks). */
  nextChangeAt: z.iso.datetime().nullable(),
  /** Only while offline, and only when the site has one. */
  offHoursMessage: z.string().nullable(),
});
export type BusinessStatusPayload = z.infer<typeof businessStatusPayloadSchema>;

// ---------------------------------------------------------------------------------------------
// Auto-replies
// ---------------------------------------------------------------------------------------------

export const autoReplyTriggerSchema = z.enum(['KEYWORD', 'PATTERN', 'FIRST_MESSAGE', 'OUTSIDE_HOURS', 'NO_REPLY']);
export type AutoReplyTrigger = z.infer<typeof autoReplyTriggerSchema>;

/** Longest PATTERN accepted; the server also refuses patterns RE2 cannot compile or that compile too large. */
export const AUTO_REPLY_PATTERN_MAX_LENGTH = 200;

const autoReplyActionShape = {
  replyText: z.string().trim().min(1).max(2000),
  /** Also move the chat to this status when the rule fires. */
  setStatus: z.enum(['PENDING', 'RESOLVED']).optional(),
  /** Also assign the chat to this operator when the rule fires. */
  assignToOperatorId: idSchema.optional(),
  enabled: z.boolean().default(true),
  /** Rules are evaluated in ascending position. */
  position: z.number().int().min(0).max(10_000).default(0),
  /** When this rule fires, later rules are not evaluated for the same event. */
  stopAfter: z.boolean().default(false),
};

/**
 * One auto-reply rule. A union on `trigger`, so each trigger requires its own field: `keywords`
 * for KEYWORD, `pattern` for PATTERN, `noReplySeconds` for NO_REPLY.
 */
export const autoReplyRuleSchema = z.discriminatedUnion('trigger', [
  z.object({
    trigger: z.literal('KEYWORD'),
    /** Whole words or phrases, matched case-insensitively; any one fires the rule. */
    keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    ...autoReplyActionShape,
  }),
  z.object({
    trigger: z.literal('PATTERN'),
    /** RE2 syntax (no backreferences or lookarounds), matched case-insensitively anywhere in the message. */
    pattern: z.string().min(1).max(AUTO_REPLY_PATTERN_MAX_LENGTH),
    ...autoReplyActionShape,
  }),
  z.object({ trigger: z.literal('FIRST_MESSAGE'), ...autoReplyActionShape }),
  z.object({ trigger: z.literal('OUTSIDE_HOURS'), ...autoReplyActionShape }),
  z.object({
    trigger: z.literal('NO_REPLY'),
    /** Fires once no operator has answered the visitor's last message for this long. */
    noReplySeconds: z.number().int().min(10).max(86_400),
    ...autoReplyActionShape,
  }),
]);
export type AutoReplyRuleInput = z.input<typeof autoReplyRuleSchema>;
/** A rule after validation (defaults applied). */
export type AutoReplyRule = z.output<typeof autoReplyRuleSchema>;

// ---------------------------------------------------------------------------------------------
// Quick templates
// ---------------------------------------------------------------------------------------------

/** "/price": a slash, then 1–32 lowercase letters, digits, "_" or "-". */
export const templateShortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\/[a-z0-9_-]{1,32}$/, 'Must be a slash and 1–32 letters, digits, "_" or "-", such as /price');

export const quickTemplateSchema = z.object({
  shortcut: templateShortcutSchema,
  /** May use {visitor.name}, {visitor.email}, {operator.name} and {site.name}. */
  text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
});
export type QuickTemplateInput = z.input<typeof quickTemplateSchema>;
export type QuickTemplate = z.output<typeof quickTemplateSchema>;

// ---------------------------------------------------------------------------------------------
// REST shapes (ids and timestamps added to what the owner sends)
// ---------------------------------------------------------------------------------------------

/** GET/PUT /sites/:siteId/business-hours — PUT takes `businessHoursSettingsSchema`. */
export type BusinessHoursDto = BusinessHoursSettings & { siteId: string; updatedAt: string };

/** GET /sites/:siteId/auto-replies (in evaluation order); POST/PUT take `autoReplyRuleSchema`. */
export type AutoReplyDto = AutoReplyRule & { id: string; siteId: string; createdAt: string; updatedAt: string };

/**
 * GET /templates?siteId= — the site's templates and the organization-wide ones (siteId null);
 * POST/PUT take `quickTemplateBodySchema`.
 */
export const quickTemplateBodySchema = quickTemplateSchema.extend({
  /** Null or absent: organization-wide (owners and admins only). */
  siteId: idSchema.nullish(),
});
export type QuickTemplateBody = z.input<typeof quickTemplateBodySchema>;
export type QuickTemplateDto = QuickTemplate & { id: string; siteId: string | null; createdAt: string; updatedAt: string };

export const listTemplatesQuerySchema = z.object({ siteId: idSchema.optional() });

/** A language tag such as "en" or "uk-UA", or "*" for every other language. */
export const welcomeLanguageSchema = z.union([
  z.literal('*'),
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a language such as en or uk'),
]);

/** PUT /sites/:siteId/welcome-messages — replaces the site's list; GET returns it. */
export const welcomeMessagesBodySchema = z.object({
  messages: z
    .array(z.object({ language: welcomeLanguageSchema, text: z.string().trim().min(1).max(2000) }))
    .max(50)
    .refine((list) => new Set(list.map((m) => m.language)).size === list.length, 'One message per language'),
});
export type WelcomeMessagesBody = z.input<typeof welcomeMessagesBodySchema>;
export type WelcomeMessagesDto = z.output<typeof welcomeMessagesBodySchema>;

/** `visitor:transcript` (widget → server): email me this chat's transcript. */
export const visitorTranscriptPayloadSchema = z.object({
  /** Absent: the email the visitor gave before. */
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
  /**
   * The visitor's time zone (their browser's), for the times in the mail; absent or not a zone
   * this server knows: the site's business-hours zone.
   */
  timeZone: timeZoneSchema.optional().catch(undefined),
});
export type VisitorTranscriptPayload = z.input<typeof visitorTranscriptPayloadSchema>;

import { type BusinessHoursSettings, type BusinessStatusPayload, intervalMinutes, type OpeningInterval } from '@chatiq/contracts';
import type { IANAZone } from 'luxon';
import { type EpochDay, isoDateOf, localDayOf, MS_PER_DAY, resolveWallTime, timeZone, weekdayOf } from './zoned-wall-time.js';

/**
 * How far `nextChange` looks. A weekly plan changes within a week unless it never changes at all;
 * the margin covers a holiday week. Beyond it the answer is "no change known": whoever schedules
 * the `business:status` pushes should look again by then (and whenever the settings change).
 */
export const BUSINESS_HOURS_LOOKAHEAD_DAYS = 14;

/** An open stretch of time, in epoch milliseconds, start included and end excluded. */
type OpenSpan = { start: number; end: number };

/**
 * Whether the site is open at `instant`. A disabled schedule is always open (business hours off
 * means "online whenever an operator is"). All wall times are read in `settings.timezone`; see
 * `resolveWallTime` for times that a DST change skips or repeats.
 */
export function isOpenAt(settings: BusinessHoursSettings, instant: Date): boolean {
  return evaluate(settings, instant.getTime(), 0).open;
}

/**
 * The next instant after `instant` at which the open/closed state flips: the first instant with
 * the other state, so `isOpenAt(result)` differs from `isOpenAt(instant)`. Null when the state
 * does not change within `lookaheadDays`: a disabled schedule, no hours at all, round-the-clock
 * hours, or a closure longer than the lookahead.
 */
export function nextChange(settings: BusinessHoursSettings, instant: Date, lookaheadDays = BUSINESS_HOURS_LOOKAHEAD_DAYS): Date | null {
  const { next } = evaluate(settings, instant.getTime(), lookaheadDays);
  return next === null ? null : new Date(next);
}

/** The `business:status` payload at `instant`: the state, when it next flips, and the message to show while offline. */
export function businessStatus(settings: BusinessHoursSettings, instant: Date): BusinessStatusPayload {
  const { open, next } = evaluate(settings, instant.getTime(), BUSINESS_HOURS_LOOKAHEAD_DAYS);
  const message = settings.offHoursMessage?.trim();
  return {
    online: open,
    nextChangeAt: next === null ? null : new Date(next).toISOString(),
    offHoursMessage: open || !message ? null : message,
  };
}

function evaluate(settings: BusinessHoursSettings, now: number, lookaheadDays: number): { open: boolean; next: number | null } {
  if (!settings.enabled) return { open: true, next: null };
  const zone = timeZone(settings.timezone);
  const today = localDayOf(zone, now);
  // An interval lasts at most 24 wall-clock hours, so none opening before the day before yesterday
  // reaches `now`. The two days after the lookahead make every span ending inside it complete: a
  // span opening on a later day cannot start before the horizon (offsets stay within ±14 hours).
  const spans = openSpans(settings, zone, today - 2, today + lookaheadDays + 2);
  const horizon = now + lookaheadDays * MS_PER_DAY;
  const current = spans.find((span) => span.start <= now && now < span.end);
  const next = current ? current.end : (spans.find((span) => span.start > now)?.start ?? null);
  return { open: current !== undefined, next: next !== null && next <= horizon ? next : null };
}

/**
 * The open spans of the intervals that open on the local dates `fromDay`…`toDay`, sorted, with
 * overlapping and touching ones merged (09:00–12:00 and 12:00–18:00 make one span, so noon is
 * not a change). An exception replaces the weekly plan for the intervals opening on its date.
 */
function openSpans(settings: BusinessHoursSettings, zone: IANAZone, fromDay: EpochDay, toDay: EpochDay): OpenSpan[] {
  const exceptions = new Map(settings.exceptions.map((exception) => [exception.date, exception]));
  const spans: OpenSpan[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const exception = exceptions.get(isoDateOf(day));
    const weekday = weekdayOf(day);
    const intervals: OpeningInterval[] = exception
      ? 'intervals' in exception
        ? exception.intervals
        : []
      : settings.weekly.filter((interval) => interval.weekday === weekday);
    for (const interval of intervals) {
      const { start, end } = intervalMinutes(interval);
      const span = { start: resolveWallTime(zone, day, start), end: resolveWallTime(zone, day, end) };
      // Empty when both ends fall into the same spring-forward gap.
      if (span.end > span.start) spans.push(span);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: OpenSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

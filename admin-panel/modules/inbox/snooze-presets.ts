import { DateTime } from 'luxon';

export type SnoozePresetKey = 'oneHour' | 'threeHours' | 'tomorrow' | 'nextWeek';

export type SnoozePreset = { key: SnoozePresetKey; until: Date };

/** The hour of the day the "tomorrow" and "next week" presets wake a chat at, on the operator's clock. */
export const SNOOZE_MORNING_HOUR = 9;

/**
 * The snooze menu's presets, as Chatwoot's operators know them: in 1 hour, in 3 hours (later
 * today), tomorrow at 9:00, and next week's Monday at 9:00, on the operator's clock (`timeZone`:
 * the browser's, which the panel also tells the server). A morning that does not exist on that
 * day's clock (a DST jump at 9:00) is the first moment after it.
 */
export function snoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const morning = (day: DateTime) => day.set({ hour: SNOOZE_MORNING_HOUR, minute: 0, second: 0, millisecond: 0 });
  return [
    { key: 'oneHour', until: new Date(now.getTime() + 3_600_000) },
    { key: 'threeHours', until: new Date(now.getTime() + 3 * 3_600_000) },
    { key: 'tomorrow', until: morning(local.plus({ days: 1 })).toJSDate() },
    // Luxon's weeks start on Monday (ISO): next week's first day.
    { key: 'nextWeek', until: morning(local.plus({ weeks: 1 }).startOf('week')).toJSDate() },
  ];
}

/**
 * A `datetime-local` input's value ("2026-12-08T09:00") read on the operator's clock, as an ISO
 * instant; null when it is not a date and time.
 */
export function localInputToIso(value: string, timeZone: string): string | null {
  const local = DateTime.fromISO(value, { zone: timeZone });
  return local.isValid ? local.toUTC().toISO() : null;
}

/** What a `datetime-local` input shows for an instant on the operator's clock (minutes). */
export function isoToLocalInput(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * When a snoozed chat wakes, short, in the operator's language and zone: "16:20" today, "Tue 09:00"
 * within the next six days, "8 Jan, 09:00" later ("8 Jan 2028, 09:00" in another year).
 */
export function formatWakeTime(at: Date, now: Date, locale: string, timeZone: string): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).startOf('day');
  const days = day(at).diff(day(now), 'days').days;
  const time = { hour: '2-digit', minute: '2-digit', timeZone } as const;
  if (days === 0) return new Intl.DateTimeFormat(locale, time).format(at);
  if (days > 0 && days < 7) return new Intl.DateTimeFormat(locale, { ...time, weekday: 'short' }).format(at);
  const sameYear = day(at).year === day(now).year;
  return new Intl.DateTimeFormat(locale, { ...time, day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(at);
}

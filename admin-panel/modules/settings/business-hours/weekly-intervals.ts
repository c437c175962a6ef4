import { type BusinessHoursException, intervalMinutes, type OpeningInterval, type WeeklyInterval } from '@chatiq/contracts';

/** Weekdays as most of our users' calendars show them: Monday first (0 = Sunday, as the contract). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const MINUTES_PER_DAY = 24 * 60;

const toTime = (minutes: number) => {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * The intervals opening on `weekday`, earliest first, each with its index in the flat list (the
 * index the API's `weekly.<i>` validation issues name).
 */
export function intervalsOfDay(weekly: readonly WeeklyInterval[], weekday: number): { index: number; interval: WeeklyInterval }[] {
  return weekly
    .map((interval, index) => ({ index, interval }))
    .filter(({ interval }) => interval.weekday === weekday)
    .sort((a, b) => a.interval.open.localeCompare(b.interval.open));
}

/**
 * Another interval for the day: 09:00–18:00 on an empty day, else starting an hour after the
 * day's last close and lasting up to four hours (never past midnight).
 */
export function addInterval(weekly: readonly WeeklyInterval[], weekday: number): WeeklyInterval[] {
  const day = intervalsOfDay(weekly, weekday);
  const last = day.at(-1)?.interval;
  if (!last) return [...weekly, { weekday, open: '09:00', close: '18:00' }];
  const lastEnd = intervalMinutes(last).end;
  const open = Math.min(lastEnd + 60, MINUTES_PER_DAY - 60);
  const close = Math.min(open + 4 * 60, MINUTES_PER_DAY);
  return [...weekly, { weekday, open: toTime(open), close: close === MINUTES_PER_DAY ? '00:00' : toTime(close) }];
}

export function updateInterval(weekly: readonly WeeklyInterval[], index: number, patch: Partial<OpeningInterval>): WeeklyInterval[] {
  return weekly.map((interval, i) => (i === index ? { ...interval, ...patch } : interval));
}

export function removeInterval<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Replaces the intervals of each day in `to` with copies of `from`'s. */
export function copyDay(weekly: readonly WeeklyInterval[], from: number, to: readonly number[]): WeeklyInterval[] {
  const source = intervalsOfDay(weekly, from).map(({ interval }) => interval);
  const kept = weekly.filter((interval) => !to.includes(interval.weekday) || interval.weekday === from);
  return [...kept, ...to.filter((day) => day !== from).flatMap((weekday) => source.map((interval) => ({ ...interval, weekday })))];
}

/** Runs past midnight into the next day (22:00–02:00); a close at 00:00 is "until midnight", not overnight. */
export function isOvernight(interval: OpeningInterval): boolean {
  return intervalMinutes(interval).end > MINUTES_PER_DAY;
}

/**
 * What a time input can show: "24:00" (end of day, which the API accepts) is the same moment as a
 * close at 00:00, which the contract also reads as midnight at the end of the day.
 */
export function forTimeInput(time: string): string {
  return time === '24:00' ? '00:00' : time;
}

/** The stored weekly plan and exceptions as the form edits them (24:00 closes shown as 00:00, exceptions by date). */
export function editableHours(weekly: readonly WeeklyInterval[], exceptions: readonly BusinessHoursException[]) {
  return {
    weekly: weekly.map((i) => ({ ...i, close: forTimeInput(i.close) })),
    exceptions: [...exceptions]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ('intervals' in e ? { date: e.date, intervals: e.intervals.map((i) => ({ ...i, close: forTimeInput(i.close) })) } : e)),
  };
}

/** Turns an exception into a holiday or into a day with special hours (10:00–14:00 to start with). */
export function setExceptionClosed(exception: BusinessHoursException, closed: boolean): BusinessHoursException {
  if (closed) return { date: exception.date, closed: true };
  return 'intervals' in exception ? exception : { date: exception.date, intervals: [{ open: '10:00', close: '14:00' }] };
}

/** A new exception on the first date after the others (or `today`), closed. */
export function addException(exceptions: readonly BusinessHoursException[], today: string): BusinessHoursException[] {
  const taken = new Set(exceptions.map((e) => e.date));
  let date = today;
  while (taken.has(date)) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
  }
  return [...exceptions, { date, closed: true }];
}

/** The weekday's name in `locale` (0 = Sunday). */
export function weekdayName(locale: string, weekday: number): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + weekday)));
}

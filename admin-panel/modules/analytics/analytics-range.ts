/** A date range the analytics page asks for: both days included, as YYYY-MM-DD. */
export type DateRange = { from: string; to: string };

/** The preset ranges, in days ending today. */
export const PRESET_DAYS = [7, 30, 90] as const;

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The `days` days ending on `today` (today included). */
export function lastDays(days: number, today: string): DateRange {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today };
}

/** `value` of a time unit in the panel's language, short: "12 min" / "12 хв", "3.5 hr" / "3,5 год". */
export function formatUnit(value: number, unit: 'second' | 'minute' | 'hour' | 'day', locale: string, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits }).format(value);
}

/** "45 sec", "12 min", "3.5 hr", "2.1 days" (in `locale`'s words and digits); "—" for nothing measured. */
export function formatDuration(seconds: number | null, locale = 'en'): string {
  if (seconds === null) return '—';
  if (seconds < 60) return formatUnit(Math.round(seconds), 'second', locale);
  if (seconds < 3600) return formatUnit(Math.round(seconds / 60), 'minute', locale);
  if (seconds < 86_400) return formatUnit(Math.round((seconds / 3600) * 10) / 10, 'hour', locale);
  return formatUnit(Math.round((seconds / 86_400) * 10) / 10, 'day', locale);
}

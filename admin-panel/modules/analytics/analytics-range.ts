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

/** "45 s", "12 min", "3.5 h", "2.1 d"; "—" for nothing measured. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

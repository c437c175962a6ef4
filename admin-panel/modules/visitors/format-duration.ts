/** How a duration reads in a language, given its padded parts. */
export type DurationText = (
  key: 'seconds' | 'minutesSeconds' | 'hoursMinutes',
  values: { h?: number; m?: number | string; s?: number | string },
) => string;

const ENGLISH: DurationText = (key, v) =>
  key === 'seconds' ? `${v.s}s` : key === 'minutesSeconds' ? `${v.m}m ${v.s}s` : `${v.h}h ${v.m}m`;

/** "45s", "3m 05s", "1h 02m": how long a visitor has been on the site (worded by `text`). */
export function formatDuration(ms: number, text: DurationText = ENGLISH): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return text('hoursMinutes', { h, m: pad(m) });
  if (m > 0) return text('minutesSeconds', { m, s: pad(s) });
  return text('seconds', { s });
}

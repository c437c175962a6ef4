/**
 * How long ago a chat's last message was, as short as a chat list needs, in the operator's
 * language and time zone: "now" under a minute, "5 min" within the hour, "14:02" the same day,
 * "Mon" within the week, "4 Nov" within the year, "04.11.2025" before.
 */
export type ChatAge = { kind: 'now' } | { kind: 'minutes'; text: string } | { kind: 'time' | 'weekday' | 'date'; text: string };

const MINUTE = 60_000;

/** The calendar day of `at` in `timeZone`, as days since 1970 (to count days between dates). */
function localDay(at: Date, timeZone: string): number {
  const ymd = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return Date.parse(`${ymd}T00:00:00Z`) / 86_400_000;
}

export function chatAge(at: Date, now: Date, locale: string, timeZone: string): ChatAge {
  const elapsed = now.getTime() - at.getTime();
  // A clock a little ahead of ours still reads "now".
  if (elapsed < MINUTE) return { kind: 'now' };
  if (elapsed < 60 * MINUTE) {
    const minutes = Math.floor(elapsed / MINUTE);
    return {
      kind: 'minutes',
      text: new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes),
    };
  }
  const days = localDay(now, timeZone) - localDay(at, timeZone);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
  if (days <= 0) return { kind: 'time', text: format({ hour: '2-digit', minute: '2-digit' }) };
  if (days < 7) return { kind: 'weekday', text: format({ weekday: 'short' }) };
  const sameYear = format({ year: 'numeric' }) === new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(now);
  if (sameYear) return { kind: 'date', text: format({ day: 'numeric', month: 'short' }) };
  return { kind: 'date', text: format({ day: '2-digit', month: '2-digit', year: 'numeric' }) };
}

import { IANAZone } from 'luxon';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/**
 * A calendar date as whole days since 1970-01-01. Business hours are planned per local date, and
 * counting dates as integers keeps the arithmetic free of time zones: only the step from a wall
 * time to an instant needs the zone's rules.
 */
export type EpochDay = number;

/** The IANA zone (tzdata through `Intl`, via luxon), or a throw for a name the runtime does not know. */
export function timeZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`Unknown time zone "${name}"`);
  return zone;
}

/** The local date of `instant` in `zone`. */
export function localDayOf(zone: IANAZone, instant: number): EpochDay {
  return Math.floor((instant + zone.offset(instant) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: EpochDay): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** "YYYY-MM-DD", the form exception dates are written in. */
export function isoDateOf(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The instant at which the local clock of `zone` first shows `minutes` past the midnight that
 * starts `day` (`minutes` may exceed 1440 for a time on a later day, as an overnight close does).
 *
 * "First shows" is how a person with a wall clock keeps the hours, and settles the two DST cases:
 * - a time that does not exist (spring forward: 02:30 in New York, 03:30 in Kyiv) resolves to the
 *   moment of the jump, the first instant the clock reads past it: an interval that opens at 02:30
 *   opens at 03:00 new time, and one that lies wholly inside the gap (02:15–02:45) is empty that day;
 * - a time that happens twice (fall back: 01:30 in New York) resolves to its first occurrence, so
 *   01:00–01:30 is open during the first 01:00–01:30 only, and 01:00–04:00 lasts four real hours.
 * Times away from transitions are unaffected: 09:00–18:00 is always 09:00 to 18:00 on the clock.
 */
export function resolveWallTime(zone: IANAZone, day: EpochDay, minutes: number): number {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // The offsets in force a day either side bracket at most one transition (true of every real zone).
  const offsetBefore = zone.offset(wall - MS_PER_DAY);
  const offsetAfter = zone.offset(wall + MS_PER_DAY);
  if (offsetBefore === offsetAfter) return wall - offsetBefore * MS_PER_MINUTE; // no transition nearby: the common case
  const candidates = [wall - offsetBefore * MS_PER_MINUTE, wall - offsetAfter * MS_PER_MINUTE]
    .filter((instant) => instant + zone.offset(instant) * MS_PER_MINUTE === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;

  // In a gap: the wall time read with the later offset is an instant still before the jump, and
  // read with the earlier offset one already after it. Bisect for the jump (offsets change on whole
  // seconds at the coarsest, so this takes about 22 steps for a one-hour gap).
  let lo = Math.min(wall - offsetAfter * MS_PER_MINUTE, wall - offsetBefore * MS_PER_MINUTE);
  let hi = Math.max(wall - offsetAfter * MS_PER_MINUTE, wall - offsetBefore * MS_PER_MINUTE);
  const offsetAtLo = zone.offset(lo);
  if (zone.offset(hi) === offsetAtLo) return hi; // not a single clean transition; stay sensible
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

import {
  type BusinessHoursSettings,
  type BusinessHoursSettingsInput,
  businessHoursSettingsSchema,
  businessStatusPayloadSchema,
} from '@chatiq/contracts';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessStatus, isOpenAt, nextChange } from './business-hours.js';

const MON_FRI = [1, 2, 3, 4, 5];

function settings(input: Omit<BusinessHoursSettingsInput, 'timezone'> & { timezone?: string }): BusinessHoursSettings {
  return businessHoursSettingsSchema.parse({ timezone: 'Europe/Kyiv', ...input });
}

function daily(weekdays: number[], open: string, close: string) {
  return weekdays.map((weekday) => ({ weekday, open, close }));
}

/** An unambiguous local wall time ("2025-03-28T09:00") in `zone`. */
function local(zone: string, wall: string): Date {
  const dt = DateTime.fromISO(wall, { zone });
  if (!dt.isValid) throw new Error(`bad time ${wall}`);
  return dt.toJSDate();
}

const utc = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

describe('business hours: weekly plan', () => {
  const office = settings({ weekly: daily(MON_FRI, '09:00', '18:00'), offHoursMessage: 'We are closed' });

  it('is open inside an interval, closed outside it and on days without one', () => {
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-06-02T09:00'))).toBe(true); // Monday
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-06-02T17:59'))).toBe(true);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-06-02T18:00'))).toBe(false);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-06-02T08:59'))).toBe(false);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-06-07T12:00'))).toBe(false); // Saturday
  });

  it('reads wall times in the settings time zone, not the server zone', () => {
    // 09:00 in Kyiv (UTC+3 in June) is 06:00Z; 09:00 in New York (UTC-4) is 13:00Z.
    expect(isOpenAt(office, utc('2025-06-02T06:00:00Z'))).toBe(true);
    expect(isOpenAt(office, utc('2025-06-02T05:59:59Z'))).toBe(false);
    const newYork = settings({ timezone: 'America/New_York', weekly: daily(MON_FRI, '09:00', '18:00') });
    expect(isOpenAt(newYork, utc('2025-06-02T06:00:00Z'))).toBe(false);
    expect(isOpenAt(newYork, utc('2025-06-02T13:00:00Z'))).toBe(true);
  });

  it('finds the next change exactly at the boundary: open includes its start, close excludes its end', () => {
    const opening = local('Europe/Kyiv', '2025-06-02T09:00');
    const closing = local('Europe/Kyiv', '2025-06-02T18:00');
    expect(iso(nextChange(office, ms(opening, -1)))).toBe(iso(opening));
    expect(isOpenAt(office, opening)).toBe(true);
    expect(iso(nextChange(office, opening))).toBe(iso(closing));
    expect(iso(nextChange(office, ms(closing, -1)))).toBe(iso(closing));
    expect(isOpenAt(office, closing)).toBe(false);
    // Friday's close to Monday's open.
    expect(iso(nextChange(office, local('Europe/Kyiv', '2025-06-06T18:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-09T09:00')));
  });

  it('supports several intervals per day, and touching intervals do not make a change', () => {
    const lunchBreak = settings({ weekly: [...daily([1], '09:00', '12:00'), ...daily([1], '13:00', '18:00')] });
    expect(isOpenAt(lunchBreak, local('Europe/Kyiv', '2025-06-02T12:30'))).toBe(false);
    expect(isOpenAt(lunchBreak, local('Europe/Kyiv', '2025-06-02T13:30'))).toBe(true);
    expect(iso(nextChange(lunchBreak, local('Europe/Kyiv', '2025-06-02T10:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-02T12:00')));
    expect(iso(nextChange(lunchBreak, local('Europe/Kyiv', '2025-06-02T12:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-02T13:00')));

    const split = settings({ weekly: [...daily([1], '09:00', '12:00'), ...daily([1], '12:00', '18:00')] });
    expect(isOpenAt(split, local('Europe/Kyiv', '2025-06-02T12:00'))).toBe(true);
    expect(iso(nextChange(split, local('Europe/Kyiv', '2025-06-02T10:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-02T18:00')));
  });

  it('runs an overnight interval into the next day: Friday 22:00–02:00 is open early Saturday', () => {
    const bar = settings({ weekly: daily([5], '22:00', '02:00') });
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-06T21:59'))).toBe(false);
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-06T23:00'))).toBe(true);
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-07T01:00'))).toBe(true); // Saturday
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-07T02:00'))).toBe(false);
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-06T01:00'))).toBe(false); // Friday early: Thursday has no interval
    expect(iso(nextChange(bar, local('Europe/Kyiv', '2025-06-06T23:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-07T02:00')));
  });

  it('runs Saturday night into Sunday across the week boundary, and accepts 24:00 as a close', () => {
    const weekend = settings({ weekly: [...daily([6], '20:00', '03:00'), ...daily([0], '18:00', '24:00')] });
    expect(isOpenAt(weekend, local('Europe/Kyiv', '2025-06-08T02:00'))).toBe(true); // Sunday 02:00
    expect(isOpenAt(weekend, local('Europe/Kyiv', '2025-06-08T23:59'))).toBe(true);
    expect(isOpenAt(weekend, local('Europe/Kyiv', '2025-06-09T00:00'))).toBe(false);
    expect(iso(nextChange(weekend, local('Europe/Kyiv', '2025-06-08T20:00')))).toBe(iso(local('Europe/Kyiv', '2025-06-09T00:00')));
  });

  it('never changes when the schedule is disabled (always open), empty (always closed) or round the clock', () => {
    const disabled = settings({ enabled: false, weekly: daily(MON_FRI, '09:00', '18:00') });
    const sunday = local('Europe/Kyiv', '2025-06-08T03:00');
    expect(isOpenAt(disabled, sunday)).toBe(true);
    expect(nextChange(disabled, sunday)).toBeNull();

    const empty = settings({ weekly: [] });
    expect(isOpenAt(empty, sunday)).toBe(false);
    expect(nextChange(empty, sunday)).toBeNull();

    const allDay = settings({ weekly: daily([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00') });
    expect(isOpenAt(allDay, sunday)).toBe(true);
    expect(nextChange(allDay, sunday)).toBeNull();

    // 09:00–09:00 is a full 24 hours into the next day, so this is also round the clock.
    const shifts = settings({ weekly: daily([0, 1, 2, 3, 4, 5, 6], '09:00', '09:00') });
    expect(isOpenAt(shifts, sunday)).toBe(true);
    expect(nextChange(shifts, sunday)).toBeNull();
  });
});

describe('business hours: exceptions', () => {
  const office = settings({
    weekly: daily(MON_FRI, '09:00', '18:00'),
    exceptions: [
      { date: '2025-12-25', closed: true }, // Thursday
      { date: '2025-12-31', intervals: [{ open: '10:00', close: '14:00' }] }, // Wednesday, short day
      { date: '2025-12-27', intervals: [{ open: '11:00', close: '15:00' }] }, // a Saturday opening
    ],
  });

  it('closes on a holiday and skips it when looking for the next change', () => {
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-25T12:00'))).toBe(false);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-24T12:00'))).toBe(true);
    expect(iso(nextChange(office, local('Europe/Kyiv', '2025-12-24T18:00')))).toBe(iso(local('Europe/Kyiv', '2025-12-26T09:00')));
  });

  it('replaces the hours of a special day, including a day the weekly plan keeps closed', () => {
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-31T09:30'))).toBe(false);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-31T13:00'))).toBe(true);
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-31T15:00'))).toBe(false);
    expect(iso(nextChange(office, local('Europe/Kyiv', '2025-12-31T13:00')))).toBe(iso(local('Europe/Kyiv', '2025-12-31T14:00')));
    expect(isOpenAt(office, local('Europe/Kyiv', '2025-12-27T12:00'))).toBe(true);
    expect(iso(nextChange(office, local('Europe/Kyiv', '2025-12-26T18:00')))).toBe(iso(local('Europe/Kyiv', '2025-12-27T11:00')));
  });

  it("leaves the previous night's overnight interval running into a holiday", () => {
    const bar = settings({ weekly: daily([5], '22:00', '02:00'), exceptions: [{ date: '2025-06-07', closed: true }] });
    expect(isOpenAt(bar, local('Europe/Kyiv', '2025-06-07T01:00'))).toBe(true);
    const closedFriday = settings({ weekly: daily([5], '22:00', '02:00'), exceptions: [{ date: '2025-06-06', closed: true }] });
    expect(isOpenAt(closedFriday, local('Europe/Kyiv', '2025-06-07T01:00'))).toBe(false);
  });

  it('reports no change when a closure is longer than the lookahead', () => {
    const closures = Array.from({ length: 20 }, (_, i) => ({ date: `2025-08-${String(i + 1).padStart(2, '0')}`, closed: true as const }));
    const vacation = settings({ weekly: daily(MON_FRI, '09:00', '18:00'), exceptions: closures });
    expect(nextChange(vacation, local('Europe/Kyiv', '2025-08-01T12:00'))).toBeNull();
    expect(iso(nextChange(vacation, local('Europe/Kyiv', '2025-08-10T12:00')))).toBe(iso(local('Europe/Kyiv', '2025-08-21T09:00')));
  });
});

describe('business hours across DST in Europe/Kyiv (last Sundays of March and October)', () => {
  // 2025-03-30: 03:00 EET (UTC+2) jumps to 04:00 EEST (UTC+3) at 01:00Z.
  // 2025-10-26: 04:00 EEST falls back to 03:00 EET at 01:00Z, so 03:00–03:59 happens twice.
  const night = settings({ weekly: daily([0], '01:00', '04:00') });

  it('an interval 01:00–04:00 on spring-forward night lasts two real hours', () => {
    const opens = utc('2025-03-29T23:00:00Z'); // 01:00 EET
    const closes = utc('2025-03-30T01:00:00Z'); // 04:00 EEST
    expect(isOpenAt(night, ms(opens, -1))).toBe(false);
    expect(isOpenAt(night, opens)).toBe(true);
    expect(isOpenAt(night, utc('2025-03-30T00:59:59Z'))).toBe(true); // 02:59:59 EET
    expect(isOpenAt(night, closes)).toBe(false);
    expect(iso(nextChange(night, utc('2025-03-29T12:00:00Z')))).toBe(iso(opens));
    expect(iso(nextChange(night, opens))).toBe(iso(closes));
  });

  it('an interval 01:00–04:00 on fall-back night lasts four real hours', () => {
    const opens = utc('2025-10-25T22:00:00Z'); // 01:00 EEST
    const closes = utc('2025-10-26T02:00:00Z'); // 04:00 EET
    expect(isOpenAt(night, opens)).toBe(true);
    expect(isOpenAt(night, utc('2025-10-26T01:30:00Z'))).toBe(true); // the second 03:30
    expect(isOpenAt(night, closes)).toBe(false);
    expect(iso(nextChange(night, opens))).toBe(iso(closes));
  });

  it('keeps 09:00–18:00 nine wall-clock hours on the day of the change and moves it in UTC', () => {
    const everyDay = settings({ weekly: daily([0, 1, 2, 3, 4, 5, 6], '09:00', '18:00') });
    expect(iso(nextChange(everyDay, utc('2025-03-29T00:00:00Z')))).toBe('2025-03-29T07:00:00.000Z'); // Saturday, EET
    expect(iso(nextChange(everyDay, utc('2025-03-30T00:00:00Z')))).toBe('2025-03-30T06:00:00.000Z'); // Sunday, EEST
    expect(iso(nextChange(everyDay, utc('2025-03-30T06:00:00Z')))).toBe('2025-03-30T15:00:00.000Z');
    expect(iso(nextChange(everyDay, utc('2025-10-26T00:00:00Z')))).toBe('2025-10-26T07:00:00.000Z'); // Sunday, EET again
    expect(iso(nextChange(everyDay, utc('2025-10-26T07:00:00Z')))).toBe('2025-10-26T16:00:00.000Z');
  });

  it('opens a time skipped by spring forward at the jump, and an interval wholly inside the gap is empty', () => {
    // 03:30 does not exist on 2025-03-30: the clock first reads past it at 04:00 EEST (01:00Z).
    const skipped = settings({ weekly: daily([0], '03:30', '06:00') });
    expect(isOpenAt(skipped, utc('2025-03-30T00:59:59Z'))).toBe(false);
    expect(isOpenAt(skipped, utc('2025-03-30T01:00:00Z'))).toBe(true);
    expect(iso(nextChange(skipped, utc('2025-03-29T20:00:00Z')))).toBe('2025-03-30T01:00:00.000Z');
    // The next Sunday is ordinary: 03:30 EEST is 00:30Z.
    expect(iso(nextChange(skipped, utc('2025-03-30T12:00:00Z')))).toBe('2025-04-06T00:30:00.000Z');

    const inGap = settings({ weekly: daily([0], '03:10', '03:50') });
    for (const at of ['2025-03-30T00:59:00Z', '2025-03-30T01:00:00Z', '2025-03-30T01:30:00Z']) expect(isOpenAt(inGap, utc(at))).toBe(false);
    expect(iso(nextChange(inGap, utc('2025-03-29T20:00:00Z')))).toBe('2025-04-06T00:10:00.000Z');
  });
});

describe('business hours across DST in America/New_York (second Sunday of March, first Sunday of November)', () => {
  // 2025-03-09: 02:00 EST (UTC-5) jumps to 03:00 EDT (UTC-4) at 07:00Z.
  // 2025-11-02: 02:00 EDT falls back to 01:00 EST at 06:00Z, so 01:00–01:59 happens twice.
  const zone = 'America/New_York';

  it('an overnight Saturday 22:00–06:00 lasts seven real hours into spring forward and nine into fall back', () => {
    const lateShift = settings({ timezone: zone, weekly: daily([6], '22:00', '06:00') });
    expect(iso(nextChange(lateShift, utc('2025-03-08T12:00:00Z')))).toBe('2025-03-09T03:00:00.000Z'); // 22:00 EST
    expect(iso(nextChange(lateShift, utc('2025-03-09T03:00:00Z')))).toBe('2025-03-09T10:00:00.000Z'); // 06:00 EDT
    expect(iso(nextChange(lateShift, utc('2025-11-01T12:00:00Z')))).toBe('2025-11-02T02:00:00.000Z'); // 22:00 EDT
    expect(iso(nextChange(lateShift, utc('2025-11-02T02:00:00Z')))).toBe('2025-11-02T11:00:00.000Z'); // 06:00 EST
    expect(isOpenAt(lateShift, utc('2025-11-02T06:30:00Z'))).toBe(true); // the second 01:30
  });

  it('keeps weekday hours at the same wall time on both sides of the change', () => {
    const office = settings({ timezone: zone, weekly: daily(MON_FRI, '09:00', '17:00') });
    expect(iso(nextChange(office, local(zone, '2025-03-07T17:00')))).toBe('2025-03-10T13:00:00.000Z'); // Monday 09:00 EDT
    expect(isOpenAt(office, utc('2025-03-07T14:00:00Z'))).toBe(true); // Friday 09:00 EST
    expect(isOpenAt(office, utc('2025-03-10T13:00:00Z'))).toBe(true);
    expect(isOpenAt(office, utc('2025-03-10T12:59:59Z'))).toBe(false);
    expect(iso(nextChange(office, local(zone, '2025-10-31T17:00')))).toBe('2025-11-03T14:00:00.000Z'); // Monday 09:00 EST
  });

  it('opens a skipped 02:30 at 03:00 EDT, without crashing', () => {
    const early = settings({ timezone: zone, weekly: daily([0], '02:30', '05:00') });
    expect(iso(nextChange(early, utc('2025-03-08T12:00:00Z')))).toBe('2025-03-09T07:00:00.000Z');
    expect(iso(nextChange(early, utc('2025-03-09T07:00:00Z')))).toBe('2025-03-09T09:00:00.000Z');
  });

  it('reads a repeated wall time at its first occurrence: 01:00–01:30 on fall-back day is open once', () => {
    const once = settings({ timezone: zone, weekly: daily([0], '01:00', '01:30') });
    expect(iso(nextChange(once, utc('2025-11-01T12:00:00Z')))).toBe('2025-11-02T05:00:00.000Z'); // 01:00 EDT
    expect(iso(nextChange(once, utc('2025-11-02T05:00:00Z')))).toBe('2025-11-02T05:30:00.000Z'); // 01:30 EDT
    expect(isOpenAt(once, utc('2025-11-02T06:15:00Z'))).toBe(false); // 01:15 EST, the second time round
  });
});

describe('business hours in the southern hemisphere: Australia/Sydney (DST from October to April, across New Year)', () => {
  // 2025-10-05: 02:00 AEST (UTC+10) jumps to 03:00 AEDT (UTC+11) at 16:00Z the day before.
  // 2026-04-05: 03:00 AEDT falls back to 02:00 AEST at 16:00Z the day before.
  const office = settings({ timezone: 'Australia/Sydney', weekly: daily(MON_FRI, '09:00', '17:00') });

  it('keeps 09:00 local in winter (UTC+10) and in summer, over New Year (UTC+11)', () => {
    expect(iso(nextChange(office, utc('2025-06-01T12:00:00Z')))).toBe('2025-06-01T23:00:00.000Z'); // Monday 2 June 09:00 AEST
    // Wednesday 31 December 17:00 AEDT closes; New Year's Day, a Thursday, opens at 09:00 AEDT.
    expect(iso(nextChange(office, utc('2025-12-31T05:00:00Z')))).toBe('2025-12-31T06:00:00.000Z');
    expect(iso(nextChange(office, utc('2025-12-31T06:00:00Z')))).toBe('2025-12-31T22:00:00.000Z');
    expect(isOpenAt(office, utc('2025-12-31T22:00:00Z'))).toBe(true);
    expect(isOpenAt(office, utc('2025-12-31T21:59:59.999Z'))).toBe(false);
    expect(iso(nextChange(office, utc('2026-01-02T06:00:00Z')))).toBe('2026-01-04T22:00:00.000Z'); // Friday 17:00 to Monday 09:00
  });

  it("runs New Year's Eve overnight into a closed New Year's Day, in summer time", () => {
    const party = settings({
      timezone: 'Australia/Sydney',
      weekly: daily([3], '22:00', '02:00'), // Wednesday 31 December 2025
      exceptions: [{ date: '2026-01-01', closed: true }],
    });
    expect(isOpenAt(party, local('Australia/Sydney', '2025-12-31T21:59'))).toBe(false);
    expect(iso(nextChange(party, local('Australia/Sydney', '2025-12-31T21:00')))).toBe('2025-12-31T11:00:00.000Z');
    expect(isOpenAt(party, local('Australia/Sydney', '2026-01-01T00:30'))).toBe(true);
    expect(iso(nextChange(party, local('Australia/Sydney', '2026-01-01T00:30')))).toBe('2025-12-31T15:00:00.000Z'); // 02:00 AEDT
  });

  it('an interval 01:00–04:00 lasts two real hours on spring-forward night and four on fall-back night', () => {
    const night = settings({ timezone: 'Australia/Sydney', weekly: daily([0], '01:00', '04:00') });
    expect(iso(nextChange(night, utc('2025-10-04T12:00:00Z')))).toBe('2025-10-04T15:00:00.000Z'); // 01:00 AEST
    expect(iso(nextChange(night, utc('2025-10-04T15:00:00Z')))).toBe('2025-10-04T17:00:00.000Z'); // 04:00 AEDT
    expect(iso(nextChange(night, utc('2026-04-04T12:00:00Z')))).toBe('2026-04-04T14:00:00.000Z'); // 01:00 AEDT
    expect(iso(nextChange(night, utc('2026-04-04T14:00:00Z')))).toBe('2026-04-04T18:00:00.000Z'); // 04:00 AEST
  });
});

describe('business hours in America/Santiago (the clock changes at midnight)', () => {
  // 2025-09-07: 00:00 (UTC-4) jumps to 01:00 (UTC-3): Sunday's midnight never shows.
  // 2025-04-06: 00:00 (UTC-3) falls back to Saturday 23:00 (UTC-4): Saturday 23:00–23:59 happens twice.
  it('opens a Sunday that starts at 01:00 at the jump, and a Saturday night interval ends on Sunday’s clock', () => {
    const sunday = settings({ timezone: 'America/Santiago', weekly: daily([0], '00:00', '02:00') });
    expect(iso(nextChange(sunday, utc('2025-09-06T12:00:00Z')))).toBe('2025-09-07T04:00:00.000Z'); // the jump: 01:00 -03
    expect(iso(nextChange(sunday, utc('2025-09-07T04:00:00Z')))).toBe('2025-09-07T05:00:00.000Z'); // 02:00 -03: one real hour
    const saturdayNight = settings({ timezone: 'America/Santiago', weekly: daily([6], '22:00', '02:00') });
    expect(iso(nextChange(saturdayNight, utc('2025-09-06T12:00:00Z')))).toBe('2025-09-07T02:00:00.000Z'); // 22:00 -04
    expect(iso(nextChange(saturdayNight, utc('2025-09-07T02:00:00Z')))).toBe('2025-09-07T05:00:00.000Z'); // three real hours
  });

  it('reads the repeated Saturday 23:30 at its first occurrence and closes at the first Sunday 00:00; New Year is at UTC-3', () => {
    const late = settings({ timezone: 'America/Santiago', weekly: daily([6], '23:30', '24:00') });
    expect(iso(nextChange(late, utc('2025-04-05T12:00:00Z')))).toBe('2025-04-06T02:30:00.000Z'); // 23:30 -03
    // The clock first shows Sunday 00:00 after the repeated hour (04:00Z): half an hour on the wall
    // lasts ninety real minutes, the second 23:40 included.
    expect(isOpenAt(late, utc('2025-04-06T03:40:00Z'))).toBe(true);
    expect(iso(nextChange(late, utc('2025-04-06T02:30:00Z')))).toBe('2025-04-06T04:00:00.000Z');
    const office = settings({ timezone: 'America/Santiago', weekly: daily(MON_FRI, '09:00', '18:00') });
    expect(iso(nextChange(office, utc('2025-12-31T23:00:00Z')))).toBe('2026-01-01T12:00:00.000Z'); // Thursday 09:00 -03
  });
});

describe('business hours with 45-minute offsets', () => {
  it('Asia/Kathmandu (UTC+5:45, no DST) opens at 03:15Z and dates a day from 18:15Z', () => {
    const office = settings({ timezone: 'Asia/Kathmandu', weekly: daily(MON_FRI, '09:00', '18:00') });
    expect(isOpenAt(office, utc('2025-06-02T03:14:59.999Z'))).toBe(false);
    expect(isOpenAt(office, utc('2025-06-02T03:15:00Z'))).toBe(true);
    expect(iso(nextChange(office, utc('2025-06-02T03:15:00Z')))).toBe('2025-06-02T12:15:00.000Z');
    // Midnight Monday local is 18:15Z on Sunday: an all-Monday exception starts exactly there.
    const holiday = settings({
      timezone: 'Asia/Kathmandu',
      weekly: daily([0, 1], '00:00', '24:00'),
      exceptions: [{ date: '2025-06-02', closed: true }],
    });
    expect(isOpenAt(holiday, utc('2025-06-01T18:14:59.999Z'))).toBe(true);
    expect(isOpenAt(holiday, utc('2025-06-01T18:15:00Z'))).toBe(false);
  });

  it('Pacific/Chatham (UTC+12:45, DST +13:45 from 02:45 to 03:45) across both changes', () => {
    const night = settings({ timezone: 'Pacific/Chatham', weekly: daily([0], '02:00', '05:00') });
    // 28 September 2025: 02:00 +12:45 to 05:00 +13:45 is two real hours.
    expect(iso(nextChange(night, utc('2025-09-27T06:00:00Z')))).toBe('2025-09-27T13:15:00.000Z');
    expect(iso(nextChange(night, utc('2025-09-27T13:15:00Z')))).toBe('2025-09-27T15:15:00.000Z');
    // 03:00 does not exist that night: it opens at the jump (02:45 +12:45 = 14:00Z).
    const skipped = settings({ timezone: 'Pacific/Chatham', weekly: daily([0], '03:00', '06:00') });
    expect(iso(nextChange(skipped, utc('2025-09-27T06:00:00Z')))).toBe('2025-09-27T14:00:00.000Z');
    // 5 April 2026: 03:45 +13:45 falls back to 02:45 +12:45; 02:00–05:00 is four real hours, and a
    // repeated 03:00 is read at its first occurrence (+13:45).
    expect(iso(nextChange(night, utc('2026-04-04T06:00:00Z')))).toBe('2026-04-04T12:15:00.000Z');
    expect(iso(nextChange(night, utc('2026-04-04T12:15:00Z')))).toBe('2026-04-04T16:15:00.000Z');
    expect(iso(nextChange(skipped, utc('2026-04-04T06:00:00Z')))).toBe('2026-04-04T13:15:00.000Z');
  });
});

describe('business hours on Lord Howe Island (Australia/Lord_Howe: a 30-minute DST)', () => {
  // 2025-10-05: 02:00 (+10:30) jumps to 02:30 (+11). 2026-04-05: 02:00 (+11) falls back to 01:30 (+10:30).
  it('opens a skipped 02:15 at the jump, and an interval inside the half-hour gap is empty', () => {
    const early = settings({ timezone: 'Australia/Lord_Howe', weekly: daily([0], '02:15', '06:00') });
    expect(iso(nextChange(early, utc('2025-10-04T06:00:00Z')))).toBe('2025-10-04T15:30:00.000Z');
    const inGap = settings({ timezone: 'Australia/Lord_Howe', weekly: daily([0], '02:05', '02:25') });
    expect(isOpenAt(inGap, utc('2025-10-04T15:30:00Z'))).toBe(false);
    // Not that Sunday: the next Sunday, at 02:05 +11.
    expect(iso(nextChange(inGap, utc('2025-10-04T06:00:00Z')))).toBe('2025-10-11T15:05:00.000Z');
  });

  it('01:00–04:00 lasts two and a half real hours in spring and three and a half in autumn; a repeated 01:45 is read once', () => {
    const night = settings({ timezone: 'Australia/Lord_Howe', weekly: daily([0], '01:00', '04:00') });
    expect(iso(nextChange(night, utc('2025-10-04T06:00:00Z')))).toBe('2025-10-04T14:30:00.000Z');
    expect(iso(nextChange(night, utc('2025-10-04T14:30:00Z')))).toBe('2025-10-04T17:00:00.000Z');
    expect(iso(nextChange(night, utc('2026-04-04T06:00:00Z')))).toBe('2026-04-04T14:00:00.000Z');
    expect(iso(nextChange(night, utc('2026-04-04T14:00:00Z')))).toBe('2026-04-04T17:30:00.000Z');
    const repeated = settings({ timezone: 'Australia/Lord_Howe', weekly: daily([0], '01:30', '01:45') });
    expect(iso(nextChange(repeated, utc('2026-04-04T06:00:00Z')))).toBe('2026-04-04T14:30:00.000Z'); // 01:30 +11
    expect(iso(nextChange(repeated, utc('2026-04-04T14:30:00Z')))).toBe('2026-04-04T14:45:00.000Z'); // 01:45 +11
    expect(isOpenAt(repeated, utc('2026-04-04T15:10:00Z'))).toBe(false); // the second 01:40 (+10:30)
  });
});

describe('business hours over a day that does not exist (Pacific/Apia skipped Friday 30 December 2011)', () => {
  // Thursday 29 December 2011 24:00 (UTC-10) was followed by Saturday 31 December 00:00 (UTC+14).
  const office = settings({
    timezone: 'Pacific/Apia',
    weekly: daily(MON_FRI, '09:00', '17:00'),
    exceptions: [{ date: '2011-12-30', intervals: [{ open: '10:00', close: '12:00' }] }],
  });

  it('goes from Thursday’s close to Monday’s open: neither Friday’s hours nor its exception happen', () => {
    expect(iso(nextChange(office, utc('2011-12-29T20:00:00Z')))).toBe('2011-12-30T03:00:00.000Z'); // Thursday 17:00 -10
    expect(iso(nextChange(office, utc('2011-12-30T03:00:00Z')))).toBe('2012-01-01T19:00:00.000Z'); // Monday 09:00 +14
    for (const instant of ['2011-12-30T09:59:59Z', '2011-12-30T10:00:00Z', '2011-12-30T20:00:00Z', '2011-12-30T23:00:00Z']) {
      expect(isOpenAt(office, utc(instant)), instant).toBe(false);
    }
  });

  it('ends a Thursday night interval at the jump, since Friday 02:00 never shows', () => {
    const bar = settings({ timezone: 'Pacific/Apia', weekly: daily([4], '22:00', '02:00') });
    expect(iso(nextChange(bar, utc('2011-12-29T20:00:00Z')))).toBe('2011-12-30T08:00:00.000Z'); // 22:00 -10
    expect(iso(nextChange(bar, utc('2011-12-30T08:00:00Z')))).toBe('2011-12-30T10:00:00.000Z'); // the jump
  });
});

describe('business hours on a leap day', () => {
  it('closes on 29 February as an exception and opens again on 1 March', () => {
    const office = settings({ weekly: daily(MON_FRI, '09:00', '18:00'), exceptions: [{ date: '2028-02-29', closed: true }] });
    expect(isOpenAt(office, local('Europe/Kyiv', '2028-02-28T12:00'))).toBe(true); // Monday
    expect(isOpenAt(office, local('Europe/Kyiv', '2028-02-29T12:00'))).toBe(false); // Tuesday, the exception
    expect(iso(nextChange(office, local('Europe/Kyiv', '2028-02-28T18:00')))).toBe(iso(local('Europe/Kyiv', '2028-03-01T09:00')));
  });

  it('gives 29 February special hours, and refuses the date in a year without it', () => {
    const special = settings({
      weekly: daily(MON_FRI, '09:00', '18:00'),
      exceptions: [{ date: '2024-02-29', intervals: [{ open: '12:00', close: '14:00' }] }],
    });
    expect(isOpenAt(special, local('Europe/Kyiv', '2024-02-29T10:00'))).toBe(false);
    expect(iso(nextChange(special, local('Europe/Kyiv', '2024-02-29T10:00')))).toBe(iso(local('Europe/Kyiv', '2024-02-29T12:00')));
    expect(iso(nextChange(special, local('Europe/Kyiv', '2024-02-29T12:00')))).toBe(iso(local('Europe/Kyiv', '2024-02-29T14:00')));
    const notLeap = businessHoursSettingsSchema.safeParse({ timezone: 'Europe/Kyiv', exceptions: [{ date: '2027-02-29', closed: true }] });
    expect(notLeap.success).toBe(false);
  });
});

describe('business hours: nextChange is consistent with isOpenAt', () => {
  const cases: Array<[string, string]> = [
    ['Europe/Kyiv', '2025-03-24T00:00:00Z'],
    ['Europe/Kyiv', '2025-10-20T00:00:00Z'],
    ['America/New_York', '2025-03-03T00:00:00Z'],
    ['America/New_York', '2025-10-27T00:00:00Z'],
    // The zones below have their own tests above; one week each here (a sweep is not cheap).
    ['Australia/Sydney', '2025-12-29T00:00:00Z'], // New Year in summer time
    ['America/Santiago', '2025-09-01T00:00:00Z'], // midnight skipped, 7 September
    ['Pacific/Chatham', '2025-09-22T00:00:00Z'], // +12:45 to +13:45
    ['Australia/Lord_Howe', '2026-03-30T00:00:00Z'], // half an hour back
    ['Pacific/Apia', '2011-12-26T00:00:00Z'], // Friday 30 December 2011 never happened
  ];
  const weekly = [
    ...daily(MON_FRI, '09:00', '13:00'),
    ...daily(MON_FRI, '14:00', '18:00'),
    ...daily([6], '22:00', '01:00'),
    ...daily([0], '01:30', '02:30'),
    ...daily([0], '03:15', '04:15'),
  ];

  it.each(cases)('flips state exactly at each reported change (%s, week of %s)', (timezone, from) => {
    const schedule = settings({ timezone, weekly });
    const start = utc(from).getTime();
    let changes = 0;
    // Every 13 minutes for 8 days: before, at and after each change.
    for (let t = start; t < start + 8 * 86_400_000; t += 13 * 60_000) {
      const at = new Date(t);
      const change = nextChange(schedule, at);
      expect(change, at.toISOString()).not.toBeNull();
      const state = isOpenAt(schedule, at);
      expect(isOpenAt(schedule, change!), at.toISOString()).toBe(!state);
      expect(isOpenAt(schedule, ms(change!, -1)), at.toISOString()).toBe(state);
      if (change!.getTime() - t <= 13 * 60_000) changes++;
    }
    expect(changes).toBeGreaterThan(20);
  });
});

describe('businessStatus', () => {
  const office = settings({ weekly: daily(MON_FRI, '09:00', '18:00'), offHoursMessage: '  Back at 9:00  ' });

  it('is online with the closing time and no message while open', () => {
    const status = businessStatus(office, local('Europe/Kyiv', '2025-06-02T10:00'));
    expect(businessStatusPayloadSchema.parse(status)).toEqual({
      online: true,
      nextChangeAt: local('Europe/Kyiv', '2025-06-02T18:00').toISOString(),
      offHoursMessage: null,
    });
  });

  it('is offline with the opening time and the off-hours message while closed', () => {
    const status = businessStatus(office, local('Europe/Kyiv', '2025-06-02T19:00'));
    expect(businessStatusPayloadSchema.parse(status)).toEqual({
      online: false,
      nextChangeAt: local('Europe/Kyiv', '2025-06-03T09:00').toISOString(),
      offHoursMessage: 'Back at 9:00',
    });
  });

  it('sends no message when there is none, and is always online when disabled', () => {
    const silent = settings({ weekly: [], offHoursMessage: '' });
    expect(businessStatus(silent, utc('2025-06-02T10:00:00Z'))).toEqual({ online: false, nextChangeAt: null, offHoursMessage: null });
    const disabled = settings({ enabled: false, weekly: [], offHoursMessage: 'closed' });
    expect(businessStatus(disabled, utc('2025-06-02T10:00:00Z'))).toEqual({ online: true, nextChangeAt: null, offHoursMessage: null });
  });

  it('refuses a time zone the runtime does not know instead of guessing', () => {
    const broken = { ...office, timezone: 'Mars/Olympus_Mons' };
    expect(() => isOpenAt(broken, utc('2025-06-02T10:00:00Z'))).toThrow(/Unknown time zone/);
  });
});

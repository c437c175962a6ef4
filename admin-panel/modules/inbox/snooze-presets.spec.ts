import { describe, expect, it } from 'vitest';
import { formatWakeTime, isoToLocalInput, localInputToIso, snoozePresets } from './snooze-presets';

const at = (presets: ReturnType<typeof snoozePresets>) => Object.fromEntries(presets.map((p) => [p.key, p.until.toISOString()]));

describe('snooze presets', () => {
  it('in Kyiv on a Wednesday afternoon: +1 h, +3 h, tomorrow 9:00, Monday 9:00 on the Kyiv clock', () => {
    // Wednesday 2026-12-09 15:20 in Kyiv (UTC+2).
    expect(at(snoozePresets(new Date('2026-12-09T13:20:00Z'), 'Europe/Kyiv'))).toEqual({
      oneHour: '2026-12-09T14:20:00.000Z',
      threeHours: '2026-12-09T16:20:00.000Z',
      tomorrow: '2026-12-10T07:00:00.000Z',
      nextWeek: '2026-12-14T07:00:00.000Z',
    });
  });

  it('"tomorrow" is the operator’s tomorrow, not UTC’s; on a Monday, next week is the Monday after', () => {
    // Monday 2026-12-07 23:30 in New York is already Tuesday in UTC.
    expect(at(snoozePresets(new Date('2026-12-08T04:30:00Z'), 'America/New_York'))).toMatchObject({
      tomorrow: '2026-12-08T14:00:00.000Z',
      nextWeek: '2026-12-14T14:00:00.000Z',
    });
  });

  it('across a DST change: tomorrow 9:00 is on the new offset', () => {
    // Saturday 2027-03-27 in Kyiv; clocks go forward on Sunday 03:00 → 04:00 (UTC+3 from then).
    expect(at(snoozePresets(new Date('2027-03-27T10:00:00Z'), 'Europe/Kyiv')).tomorrow).toBe('2027-03-28T06:00:00.000Z');
  });

  it('reads and writes the custom date-time input on the operator’s clock', () => {
    expect(localInputToIso('2026-12-08T09:00', 'Europe/Kyiv')).toBe('2026-12-08T07:00:00.000Z');
    expect(localInputToIso('', 'Europe/Kyiv')).toBeNull();
    expect(localInputToIso('tomorrow', 'Europe/Kyiv')).toBeNull();
    expect(isoToLocalInput(new Date('2026-12-08T07:00:30Z'), 'Europe/Kyiv')).toBe('2026-12-08T09:00');
  });
});

describe('formatWakeTime', () => {
  const now = new Date('2026-12-09T13:20:00Z'); // Wednesday 15:20 in Kyiv
  const kyiv = (iso: string, locale = 'en-GB') => formatWakeTime(new Date(iso), now, locale, 'Europe/Kyiv');

  it('today as the time, this week as the weekday, later as the date (the year only when it differs)', () => {
    expect(kyiv('2026-12-09T16:20:00Z')).toBe('18:20');
    expect(kyiv('2026-12-10T07:00:00Z')).toBe('Thu 09:00');
    expect(kyiv('2026-12-21T07:00:00Z')).toBe('21 Dec, 09:00');
    expect(kyiv('2027-01-05T07:00:00Z')).toBe('5 Jan 2027, 09:00');
    expect(kyiv('2026-12-10T07:00:00Z', 'uk')).toBe('чт 09:00');
  });
});

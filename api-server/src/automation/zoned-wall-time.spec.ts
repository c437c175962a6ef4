import { describe, expect, it } from 'vitest';
import { isoDateOf, localDayOf, resolveWallTime, timeZone, weekdayOf } from './zoned-wall-time.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const at = (zone: string, date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(resolveWallTime(timeZone(zone), day(date), h * 60 + m)).toISOString();
};

describe('resolveWallTime', () => {
  it('reads ordinary wall times with the offset in force', () => {
    expect(at('Europe/Kyiv', '2025-01-15', '09:00')).toBe('2025-01-15T07:00:00.000Z');
    expect(at('Europe/Kyiv', '2025-07-15', '09:00')).toBe('2025-07-15T06:00:00.000Z');
    expect(at('America/New_York', '2025-07-15', '24:00')).toBe('2025-07-16T04:00:00.000Z');
    expect(at('America/New_York', '2025-07-15', '26:30')).toBe('2025-07-16T06:30:00.000Z'); // 02:30 the next day
  });

  it('resolves a time skipped by spring forward to the moment of the jump', () => {
    expect(at('America/New_York', '2025-03-09', '02:00')).toBe('2025-03-09T07:00:00.000Z');
    expect(at('America/New_York', '2025-03-09', '02:59')).toBe('2025-03-09T07:00:00.000Z');
    expect(at('America/New_York', '2025-03-09', '03:00')).toBe('2025-03-09T07:00:00.000Z');
    expect(at('America/New_York', '2025-03-09', '01:59')).toBe('2025-03-09T06:59:00.000Z');
    expect(at('Europe/Kyiv', '2025-03-30', '03:30')).toBe('2025-03-30T01:00:00.000Z');
  });

  it('resolves a time repeated by fall back to its first occurrence', () => {
    expect(at('America/New_York', '2025-11-02', '01:30')).toBe('2025-11-02T05:30:00.000Z'); // EDT, not 06:30Z EST
    expect(at('America/New_York', '2025-11-02', '02:00')).toBe('2025-11-02T07:00:00.000Z');
    expect(at('Europe/Kyiv', '2025-10-26', '03:00')).toBe('2025-10-26T00:00:00.000Z'); // EEST, not 01:00Z EET
    expect(at('Europe/Kyiv', '2025-10-26', '04:00')).toBe('2025-10-26T02:00:00.000Z');
  });

  it('handles zones with half-hour offsets and no DST', () => {
    expect(at('Asia/Kolkata', '2025-03-30', '09:00')).toBe('2025-03-30T03:30:00.000Z');
    expect(at('UTC', '2025-03-30', '09:00')).toBe('2025-03-30T09:00:00.000Z');
  });
});

describe('resolveWallTime in the zones with unusual offsets or transitions', () => {
  it('45-minute offsets: Asia/Kathmandu, and Pacific/Chatham on both sides of its DST', () => {
    expect(at('Asia/Kathmandu', '2025-06-02', '00:00')).toBe('2025-06-01T18:15:00.000Z');
    expect(at('Pacific/Chatham', '2025-07-01', '09:00')).toBe('2025-06-30T20:15:00.000Z'); // +12:45
    expect(at('Pacific/Chatham', '2026-01-01', '09:00')).toBe('2025-12-31T19:15:00.000Z'); // +13:45
    expect(at('Pacific/Chatham', '2025-09-28', '03:00')).toBe('2025-09-27T14:00:00.000Z'); // skipped: the jump at 02:45
    expect(at('Pacific/Chatham', '2026-04-05', '03:00')).toBe('2026-04-04T13:15:00.000Z'); // repeated: the first (+13:45)
  });

  it('a 30-minute DST: Australia/Lord_Howe', () => {
    expect(at('Australia/Lord_Howe', '2025-10-05', '02:10')).toBe('2025-10-04T15:30:00.000Z'); // skipped: the jump
    expect(at('Australia/Lord_Howe', '2025-10-05', '02:30')).toBe('2025-10-04T15:30:00.000Z');
    expect(at('Australia/Lord_Howe', '2026-04-05', '01:40')).toBe('2026-04-04T14:40:00.000Z'); // repeated: the first (+11)
    expect(at('Australia/Lord_Howe', '2026-04-05', '02:00')).toBe('2026-04-04T15:30:00.000Z'); // after the repeat: +10:30
  });

  it('the southern summer across New Year, and a midnight that does not exist (America/Santiago)', () => {
    expect(at('Australia/Sydney', '2025-12-31', '23:59')).toBe('2025-12-31T12:59:00.000Z'); // +11
    expect(at('Australia/Sydney', '2026-01-01', '00:00')).toBe('2025-12-31T13:00:00.000Z');
    expect(at('America/Santiago', '2025-09-07', '00:00')).toBe('2025-09-07T04:00:00.000Z'); // the jump to 01:00 -03
    expect(at('America/Santiago', '2025-09-06', '24:00')).toBe('2025-09-07T04:00:00.000Z'); // the same wall time
  });

  it('a whole day that does not exist (Pacific/Apia, 30 December 2011) resolves to the jump', () => {
    expect(at('Pacific/Apia', '2011-12-29', '23:59')).toBe('2011-12-30T09:59:00.000Z'); // -10
    for (const time of ['00:00', '09:00', '23:59']) expect(at('Pacific/Apia', '2011-12-30', time)).toBe('2011-12-30T10:00:00.000Z');
    expect(at('Pacific/Apia', '2011-12-31', '00:00')).toBe('2011-12-30T10:00:00.000Z'); // +14
    expect(at('Pacific/Apia', '2011-12-31', '09:00')).toBe('2011-12-30T19:00:00.000Z');
    const apia = timeZone('Pacific/Apia');
    expect(isoDateOf(localDayOf(apia, Date.parse('2011-12-30T09:59:59Z')))).toBe('2011-12-29');
    expect(isoDateOf(localDayOf(apia, Date.parse('2011-12-30T10:00:00Z')))).toBe('2011-12-31');
  });
});

describe('local dates', () => {
  it('gives the local date and weekday of an instant', () => {
    const kyiv = timeZone('Europe/Kyiv');
    const lateSundayUtc = Date.parse('2025-06-08T22:30:00Z'); // already Monday 01:30 in Kyiv
    expect(isoDateOf(localDayOf(kyiv, lateSundayUtc))).toBe('2025-06-09');
    expect(weekdayOf(localDayOf(kyiv, lateSundayUtc))).toBe(1);
    expect(isoDateOf(localDayOf(timeZone('America/New_York'), lateSundayUtc))).toBe('2025-06-08');
    expect(weekdayOf(day('2025-06-08'))).toBe(0);
  });

  it('counts 29 February in leap years only', () => {
    expect(isoDateOf(day('2028-02-28') + 1)).toBe('2028-02-29');
    expect(weekdayOf(day('2028-02-29'))).toBe(2); // a Tuesday
    expect(isoDateOf(day('2027-02-28') + 1)).toBe('2027-03-01');
    expect(isoDateOf(day('2100-02-28') + 1)).toBe('2100-03-01'); // divisible by 100, not by 400
    expect(isoDateOf(day('2000-02-28') + 1)).toBe('2000-02-29');
  });

  it('reads nothing from the process time zone (this file also runs under TZ=America/St_Johns)', () => {
    expect(weekdayOf(day('2025-06-08'))).toBe(0);
    expect(isoDateOf(day('2025-06-08'))).toBe('2025-06-08');
    expect(at('UTC', '2025-06-08', '00:00')).toBe('2025-06-08T00:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => timeZone('Nowhere/Special')).toThrow(/Unknown time zone/);
  });
});

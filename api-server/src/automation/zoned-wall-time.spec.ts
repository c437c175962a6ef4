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

describe('local dates', () => {
  it('gives the local date and weekday of an instant', () => {
    const kyiv = timeZone('Europe/Kyiv');
    const lateSundayUtc = Date.parse('2025-06-08T22:30:00Z'); // already Monday 01:30 in Kyiv
    expect(isoDateOf(localDayOf(kyiv, lateSundayUtc))).toBe('2025-06-09');
    expect(weekdayOf(localDayOf(kyiv, lateSundayUtc))).toBe(1);
    expect(isoDateOf(localDayOf(timeZone('America/New_York'), lateSundayUtc))).toBe('2025-06-08');
    expect(weekdayOf(day('2025-06-08'))).toBe(0);
  });

  it('refuses an unknown zone', () => {
    expect(() => timeZone('Nowhere/Special')).toThrow(/Unknown time zone/);
  });
});

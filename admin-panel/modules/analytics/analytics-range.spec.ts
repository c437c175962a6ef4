import { describe, expect, it } from 'vitest';
import { formatDuration, lastDays, todayIn } from './analytics-range';

describe('analytics ranges', () => {
  it('takes today in the given zone', () => {
    const lateUtc = new Date('2026-11-03T23:30:00Z');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-03');
    expect(todayIn('Europe/Kyiv', lateUtc)).toBe('2026-11-04');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-11-03');
  });

  it('counts today as the last day of the range, across month ends', () => {
    expect(lastDays(7, '2026-11-04')).toEqual({ from: '2026-10-29', to: '2026-11-04' });
    expect(lastDays(1, '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(lastDays(30, '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('formats durations for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(44.6)).toBe('45 sec');
    expect(formatDuration(720)).toBe('12 min');
    expect(formatDuration(12_600)).toBe('3.5 hr');
    expect(formatDuration(181_440)).toBe('2.1 days');
  });

  it('formats durations in Ukrainian words and digits', () => {
    const spaces = (s: string) => s.replace(/\s/g, ' ');
    expect(spaces(formatDuration(44.6, 'uk'))).toBe('45 с');
    expect(spaces(formatDuration(720, 'uk'))).toBe('12 хв');
    expect(spaces(formatDuration(12_600, 'uk'))).toBe('3,5 год');
    expect(formatDuration(null, 'uk')).toBe('—');
  });
});

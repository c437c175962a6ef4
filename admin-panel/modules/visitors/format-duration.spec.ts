import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('shows seconds, minutes and hours', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });
  it('never goes negative (clock skew)', () => {
    expect(formatDuration(-5000)).toBe('0s');
  });
  it('words the parts in another language', () => {
    const uk = (key: string, v: { h?: number; m?: number | string; s?: number | string }) =>
      key === 'seconds' ? `${v.s} с` : key === 'minutesSeconds' ? `${v.m} хв ${v.s} с` : `${v.h} год ${v.m} хв`;
    expect(formatDuration(185_000, uk)).toBe('3 хв 05 с');
    expect(formatDuration(3_720_000, uk)).toBe('1 год 02 хв');
  });
});

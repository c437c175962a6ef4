import { describe, expect, it } from 'vitest';
import { usageSeries, usageTotals } from './usage-series';

const row = (day: string, inputTokens: number, outputTokens: number) => ({ day, inputTokens, outputTokens, requests: 1, handoffs: 0 });

describe('AI usage series', () => {
  it('fills every day up to today with zeros and scales bars to the busiest day', () => {
    const series = usageSeries([row('2026-11-19', 300, 100), row('2026-11-21', 150, 50)], 4, new Date('2026-11-21T23:30:00Z'));
    expect(series.map((d) => d.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']);
    expect(series.map((d) => d.totalTokens)).toEqual([0, 400, 0, 200]);
    expect(series.map((d) => d.height)).toEqual([0, 100, 0, 50]);
  });

  it('crosses month ends and draws nothing when nothing was spent', () => {
    const series = usageSeries([], 3, new Date('2026-03-01T00:10:00Z'));
    expect(series.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(series.every((d) => d.height === 0)).toBe(true);
  });

  it('adds up the totals', () => {
    expect(usageTotals([row('a', 1, 2), { ...row('b', 10, 20), handoffs: 3 }])).toEqual({
      inputTokens: 11,
      outputTokens: 22,
      totalTokens: 33,
      requests: 2,
      handoffs: 3,
    });
  });
});

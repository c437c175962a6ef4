import { describe, expect, it } from 'vitest';
import { decimals, niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it.each([
    // [max, count, integer, ticks]
    [1.5, 4, false, [0, 0.5, 1, 1.5]],
    [0.5, 4, false, [0, 0.2, 0.4, 0.6]],
    [1.3, 4, false, [0, 0.5, 1, 1.5]],
    [23, 4, false, [0, 10, 20, 30]],
    [60, 4, false, [0, 20, 40, 60]],
    [0.3, 4, false, [0, 0.1, 0.2, 0.3]],
    [3, 4, true, [0, 1, 2, 3]],
    [1, 4, true, [0, 1]],
    [0, 4, true, [0, 1]],
    [17, 4, true, [0, 5, 10, 15, 20]],
  ])('max %d (%d ticks, integer %s) → %j', (max, count, integer, ticks) => {
    expect(niceTicks(max, count, integer)).toEqual(ticks);
  });

  it('always steps evenly and ends at or above the maximum', () => {
    for (const max of [0.07, 0.9, 2.2, 7, 13.4, 99, 1234]) {
      const ticks = niceTicks(max);
      const steps = ticks.slice(1).map((t, i) => Number((t - ticks[i]!).toPrecision(6)));
      expect(new Set(steps).size).toBe(1);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-2)).toBeLessThan(max);
    }
  });

  it('tells the decimals a step needs', () => {
    expect([1, 10, 0.5, 0.2, 0.05, 0.01].map(decimals)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

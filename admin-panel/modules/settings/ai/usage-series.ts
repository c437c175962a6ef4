import type { AiUsageDayDto } from '@chatiq/contracts';

export type UsageBar = AiUsageDayDto & { totalTokens: number /** 0–100, relative to the busiest day. */; height: number };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Every UTC day of the last `days` days up to `today` (oldest first), with zeros for days the API
 * has no row for, and each day's bar height relative to the busiest one.
 */
export function usageSeries(rows: readonly AiUsageDayDto[], days: number, today: Date): UsageBar[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const series = Array.from({ length: days }, (_, i) => {
    const day = isoDay(end - (days - 1 - i) * DAY_MS);
    const row = byDay.get(day) ?? { day, inputTokens: 0, outputTokens: 0, requests: 0, handoffs: 0 };
    return { ...row, totalTokens: row.inputTokens + row.outputTokens };
  });
  const peak = Math.max(0, ...series.map((d) => d.totalTokens));
  return series.map((d) => ({ ...d, height: peak === 0 ? 0 : Math.round((d.totalTokens / peak) * 100) }));
}

export function usageTotals(rows: readonly AiUsageDayDto[]): Omit<AiUsageDayDto, 'day'> & { totalTokens: number } {
  const sum = (pick: (row: AiUsageDayDto) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const inputTokens = sum((r) => r.inputTokens);
  const outputTokens = sum((r) => r.outputTokens);
  return {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    requests: sum((r) => r.requests),
    handoffs: sum((r) => r.handoffs),
  };
}

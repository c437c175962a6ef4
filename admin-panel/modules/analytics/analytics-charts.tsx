'use client';

import type { AnalyticsDto } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  type LegendPayload,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDuration, formatUnit } from './analytics-range';
import { decimals, niceTicks } from './nice-ticks';

/**
 * The series' colours, the theme's CSS variables (globals.css: a light and a dark value each;
 * the browser resolves var() in SVG attributes and in the legend's and tooltip's styles alike).
 */
const COLORS = {
  chats: 'var(--chart-chats)',
  resolved: 'var(--chart-resolved)',
  firstResponse: 'var(--chart-first-response)',
  resolution: 'var(--chart-resolution)',
  aiOnly: 'var(--chart-ai-only)',
  handedOver: 'var(--chart-handed-over)',
};

/** Grid, axes and tooltip in the theme's colours (Recharts' own are greys and white for a light page). */
const grid = <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />;
const AXIS = { stroke: 'var(--chart-axis)', tick: { fill: 'var(--muted)' } } as const;
const TOOLTIP = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
  // The series' name and value in the text colour: a series colour as text (amber on white) is unreadable.
  itemStyle: { color: 'var(--text)' },
} as const;
/** What marks the hovered day: a band behind bars, a line across lines. */
const BAR_CURSOR = { fill: 'var(--chart-cursor)' } as const;
const LINE_CURSOR = { stroke: 'var(--chart-axis)' } as const;
/** Line points filled with the card's colour (Recharts' white dots glare on a dark card). */
const DOT = { fill: 'var(--surface)' } as const;

/** "2026-11-04" → "Nov 4" / "4 лист." in the panel's language (not the browser's), short enough for an axis. */
export function dayLabel(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Room above the top tick's label, which is centred on the plot's top edge. */
const CHART_MARGIN = { top: 12, right: 12, bottom: 0, left: 0 };

/** A value axis from 0 in even, round steps (see `niceTicks`). */
function valueAxis(values: readonly (number | null)[], integer: boolean) {
  const ticks = niceTicks(Math.max(0, ...values.map((v) => v ?? 0)), 4, integer);
  return { ticks, domain: [0, ticks.at(-1) ?? 1] as [number, number], interval: 0 as const, allowDecimals: !integer };
}

function ChartCard({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <section className="chart-card" aria-label={title} data-testid="chart-card">
      <h2>{title}</h2>
      <div className="chart-body">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/**
 * The series names with their colours. Recharts' own legend labels each swatch "<name> legend
 * icon" in English for screen readers; the names alone say it in the panel's language.
 */
function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="chart-legend">
      {payload?.map((entry) => (
        <li key={String(entry.value)}>
          <span className="chart-legend-swatch" style={{ background: entry.color }} aria-hidden="true" />
          {entry.value}
        </li>
      ))}
    </ul>
  );
}

const legend = <Legend content={({ payload }) => <ChartLegend payload={payload} />} />;

/** The per-day charts: chats, response and resolution times, AI alone vs handed over. */
export function AnalyticsCharts({ data }: { data: AnalyticsDto }) {
  const t = useTranslations('analytics');
  const locale = useLocale();
  // Times in minutes, or in seconds while every median is under a minute (so the axis reads
  // 0 / 10 / 20 sec rather than 0 / 0.2 / 0.3 min).
  const longest = Math.max(0, ...data.perDay.flatMap((d) => [d.medianFirstResponseSeconds ?? 0, d.medianResolutionSeconds ?? 0]));
  const timeUnit = longest < 60 ? 'second' : 'minute';
  const perUnit = timeUnit === 'second' ? 1 : 60;
  const inUnit = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / perUnit) * 10) / 10);
  const days = data.perDay.map((d) => ({
    ...d,
    label: dayLabel(d.day, locale),
    firstResponseTime: inUnit(d.medianFirstResponseSeconds),
    resolutionTime: inUnit(d.medianResolutionSeconds),
  }));
  const counts = valueAxis(
    days.flatMap((d) => [d.chats, d.resolved]),
    true,
  );
  const aiCounts = valueAxis(
    days.map((d) => d.aiOnly + d.handedOver),
    true,
  );
  const times = valueAxis(
    days.flatMap((d) => [d.firstResponseTime, d.resolutionTime]),
    false,
  );
  const timeDecimals = decimals((times.ticks[1] ?? 1) - (times.ticks[0] ?? 0));
  return (
    <div className="chart-grid">
      <ChartCard title={t('charts.chatsPerDay')}>
        <BarChart data={days} margin={CHART_MARGIN}>
          {grid}
          <XAxis dataKey="label" {...AXIS} />
          <YAxis {...counts} {...AXIS} />
          <Tooltip {...TOOLTIP} cursor={BAR_CURSOR} />
          {legend}
          <Bar dataKey="chats" name={t('series.chats')} fill={COLORS.chats} />
          <Bar dataKey="resolved" name={t('series.resolved')} fill={COLORS.resolved} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t('charts.times')}>
        <LineChart data={days} margin={CHART_MARGIN}>
          {grid}
          <XAxis dataKey="label" {...AXIS} />
          <YAxis {...times} {...AXIS} tickFormatter={(value: number) => formatUnit(value, timeUnit, locale, timeDecimals)} width={72} />
          <Tooltip
            {...TOOLTIP}
            cursor={LINE_CURSOR}
            formatter={(value) => (typeof value === 'number' ? formatDuration(value * perUnit, locale) : '—')}
          />
          {legend}
          <Line dataKey="firstResponseTime" name={t('series.firstResponse')} stroke={COLORS.firstResponse} dot={DOT} connectNulls />
          <Line dataKey="resolutionTime" name={t('series.resolution')} stroke={COLORS.resolution} dot={DOT} connectNulls />
        </LineChart>
      </ChartCard>
      <ChartCard title={t('charts.ai')}>
        <BarChart data={days} margin={CHART_MARGIN}>
          {grid}
          <XAxis dataKey="label" {...AXIS} />
          <YAxis {...aiCounts} {...AXIS} />
          <Tooltip {...TOOLTIP} cursor={BAR_CURSOR} />
          {legend}
          <Bar dataKey="aiOnly" stackId="ai" name={t('series.aiOnly')} fill={COLORS.aiOnly} />
          <Bar dataKey="handedOver" stackId="ai" name={t('series.handedOver')} fill={COLORS.handedOver} />
        </BarChart>
      </ChartCard>
    </div>
  );
}

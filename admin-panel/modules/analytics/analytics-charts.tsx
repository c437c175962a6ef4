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

const COLORS = {
  chats: '#2563eb',
  resolved: '#16a34a',
  firstResponse: '#f59e0b',
  resolution: '#7c3aed',
  aiOnly: '#0891b2',
  handedOver: '#e11d48',
};

/** "2026-11-04" → "04.11" (short enough for an axis). */
const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

function ChartCard({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <section className="chart-card" aria-label={title}>
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
  const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);
  const days = data.perDay.map((d) => ({
    ...d,
    label: shortDay(d.day),
    firstResponseMinutes: minutes(d.medianFirstResponseSeconds),
    resolutionMinutes: minutes(d.medianResolutionSeconds),
  }));
  return (
    <div className="chart-grid">
      <ChartCard title={t('charts.chatsPerDay')}>
        <BarChart data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {legend}
          <Bar dataKey="chats" name={t('series.chats')} fill={COLORS.chats} />
          <Bar dataKey="resolved" name={t('series.resolved')} fill={COLORS.resolved} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t('charts.times')}>
        <LineChart data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={(value: number) => formatUnit(value, 'minute', locale)} width={72} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatDuration(value * 60, locale) : '—')} />
          {legend}
          <Line dataKey="firstResponseMinutes" name={t('series.firstResponse')} stroke={COLORS.firstResponse} connectNulls />
          <Line dataKey="resolutionMinutes" name={t('series.resolution')} stroke={COLORS.resolution} connectNulls />
        </LineChart>
      </ChartCard>
      <ChartCard title={t('charts.ai')}>
        <BarChart data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {legend}
          <Bar dataKey="aiOnly" stackId="ai" name={t('series.aiOnly')} fill={COLORS.aiOnly} />
          <Bar dataKey="handedOver" stackId="ai" name={t('series.handedOver')} fill={COLORS.handedOver} />
        </BarChart>
      </ChartCard>
    </div>
  );
}

'use client';

import type { AnalyticsDto, ChatFigures } from '@chatiq/contracts';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/modules/ui/empty-state';
import { AnalyticsCharts } from './analytics-charts';
import { type DateRange, formatDuration, lastDays, PRESET_DAYS, todayIn } from './analytics-range';
import { downloadCsv, toCsv } from './csv';
import { useAnalytics, useSites } from './use-analytics';

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function FigureTiles({ figures }: { figures: ChatFigures }) {
  const t = useTranslations('analytics');
  const locale = useLocale();
  const tiles = [
    [t('series.chats'), String(figures.chats)],
    [t('series.resolved'), String(figures.resolved)],
    [t('series.firstResponse'), formatDuration(figures.medianFirstResponseSeconds, locale)],
    [t('series.resolution'), formatDuration(figures.medianResolutionSeconds, locale)],
    [t('series.answeredByAi'), String(figures.answeredByAi)],
    [t('series.firstAiResponse'), formatDuration(figures.medianFirstAiResponseSeconds, locale)],
    [t('series.autoReplied'), String(figures.autoReplied)],
    [t('series.aiOnly'), String(figures.aiOnly)],
    [t('series.handedOver'), String(figures.handedOver)],
  ];
  return (
    <dl className="figure-tiles">
      {tiles.map(([label, value]) => (
        <div key={label} className="figure-tile">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The figures of a table row, in column order: as shown (durations in words) or for a CSV (seconds). */
function figureValues(figures: ChatFigures, duration: (seconds: number | null) => string | number | null) {
  return [
    figures.chats,
    figures.resolved,
    duration(figures.medianFirstResponseSeconds),
    duration(figures.medianResolutionSeconds),
    figures.answeredByAi,
    duration(figures.medianFirstAiResponseSeconds),
    figures.autoReplied,
    figures.aiOnly,
    figures.handedOver,
  ];
}

/**
 * A table of figures per operator or per site, with a button that downloads it as CSV (the same
 * columns; durations in seconds, so a spreadsheet can compute with them).
 */
function FigureTable({
  title,
  fileName,
  columns,
  rows,
  empty,
}: {
  title: string;
  fileName: string;
  columns: string[];
  /** `cells` as shown, `csvCells` (when different) in the CSV. */
  rows: { key: string; cells: (string | number)[]; csvCells?: (string | number)[]; figures: ChatFigures }[];
  empty?: string;
}) {
  const t = useTranslations('analytics');
  const locale = useLocale();
  const headers = [
    ...columns,
    t('series.chats'),
    t('series.resolved'),
    t('series.firstResponse'),
    t('series.resolution'),
    t('series.answeredByAi'),
    t('series.firstAiResponse'),
    t('series.autoReplied'),
    t('series.aiOnly'),
    t('series.handedOver'),
  ];
  function download() {
    const csvHeaders = headers.map((h, i) =>
      i >= columns.length && [2, 3, 5].includes(i - columns.length) ? `${h} (${t('seconds')})` : h,
    );
    const csvRows = rows.map((row) => [...(row.csvCells ?? row.cells), ...figureValues(row.figures, (seconds) => seconds)]);
    downloadCsv(fileName, toCsv(csvHeaders, csvRows));
  }
  return (
    <section className="analytics-table" aria-label={title}>
      <div className="analytics-table-header">
        <h2>{title}</h2>
        <button type="button" className="secondary" onClick={download} disabled={rows.length === 0}>
          {t('downloadCsv')}
        </button>
      </div>
      <div>
        <table className="data-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && empty && (
              <tr>
                <td colSpan={headers.length}>{empty}</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.key}>
                {[...row.cells, ...figureValues(row.figures, (seconds) => formatDuration(seconds, locale))].map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "chatiq-operators-2026-11-01-2026-11-30.csv" */
const csvName = (what: string, data: AnalyticsDto) => `chatiq-${what}-${data.from}-${data.to}.csv`;

/** Analytics: a range (presets or from–to), a site filter, totals, charts per day, tables per operator and site. */
export function AnalyticsPage() {
  const t = useTranslations('analytics');
  const timezone = useMemo(browserTimeZone, []);
  const [range, setRange] = useState<DateRange>(() => lastDays(30, todayIn(timezone)));
  const [siteId, setSiteId] = useState<string | null>(null);
  const sites = useSites();
  const locale = useLocale();
  const longDay = (day: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const { data, loading, error } = useAnalytics(range, timezone, siteId);
  return (
    <div className="analytics">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <div className="analytics-controls">
          {PRESET_DAYS.map((days) => (
            <button key={days} type="button" className="secondary" onClick={() => setRange(lastDays(days, todayIn(timezone)))}>
              {t('lastDays', { days })}
            </button>
          ))}
          <label>
            {t('from')}
            <input
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label>
            {t('to')}
            <input
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            />
          </label>
          <label>
            {t('site')}
            <select value={siteId ?? ''} onChange={(e) => setSiteId(e.target.value || null)}>
              <option value="">{t('allSites')}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint">{t('timezoneNote', { timezone })}</p>
      </header>
      {error && (
        <p role="alert" className="error">
          {t('error', { message: error })}
        </p>
      )}
      {loading && !data && <p>{t('loading')}</p>}
      {data && (
        <div className="analytics-body" aria-busy={loading}>
          <FigureTiles figures={data.totals} />
          {data.totals.chats === 0 ? (
            <EmptyState text={t('empty')} action={<Link href="/sites">{t('emptyAction')}</Link>} />
          ) : (
            <AnalyticsCharts data={data} />
          )}
          <FigureTable
            title={t('perOperator')}
            fileName={csvName('operators', data)}
            columns={[t('operator'), t('replies')]}
            rows={data.perOperator.map((row) => ({ key: row.operatorId, cells: [row.name, row.replies], figures: row }))}
            empty={t('noOperators')}
          />
          <FigureTable
            title={t('perSite')}
            fileName={csvName('sites', data)}
            columns={[t('site')]}
            rows={data.perSite.map((row) => ({ key: row.siteId, cells: [row.name], figures: row }))}
          />
          <FigureTable
            title={t('perDay')}
            fileName={csvName('days', data)}
            columns={[t('day')]}
            rows={data.perDay.map((row) => ({ key: row.day, cells: [longDay(row.day)], csvCells: [row.day], figures: row }))}
          />
        </div>
      )}
    </div>
  );
}

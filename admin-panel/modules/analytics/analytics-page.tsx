'use client';

import type { ChatFigures } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { EmptyState } from '@/modules/ui/empty-state';
import { AnalyticsCharts } from './analytics-charts';
import { type DateRange, formatDuration, lastDays, PRESET_DAYS, todayIn } from './analytics-range';
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

/** One row of the per-operator or per-site table. */
function FigureCells({ figures }: { figures: ChatFigures }) {
  const locale = useLocale();
  return (
    <>
      <td>{figures.chats}</td>
      <td>{figures.resolved}</td>
      <td>{formatDuration(figures.medianFirstResponseSeconds, locale)}</td>
      <td>{formatDuration(figures.medianResolutionSeconds, locale)}</td>
      <td>{figures.aiOnly}</td>
      <td>{figures.handedOver}</td>
    </>
  );
}

/** Analytics: a range (presets or from–to), a site filter, totals, charts per day, tables per operator and site. */
export function AnalyticsPage() {
  const t = useTranslations('analytics');
  const timezone = useMemo(browserTimeZone, []);
  const [range, setRange] = useState<DateRange>(() => lastDays(30, todayIn(timezone)));
  const [siteId, setSiteId] = useState<string | null>(null);
  const sites = useSites();
  const { data, loading, error } = useAnalytics(range, timezone, siteId);
  const headers = [
    t('series.chats'),
    t('series.resolved'),
    t('series.firstResponse'),
    t('series.resolution'),
    t('series.aiOnly'),
    t('series.handedOver'),
  ];

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
        <div aria-busy={loading}>
          <FigureTiles figures={data.totals} />
          {data.totals.chats === 0 ? (
            <EmptyState text={t('empty')} action={<Link href="/sites">{t('emptyAction')}</Link>} />
          ) : (
            <AnalyticsCharts data={data} />
          )}
          <section>
            <h2>{t('perOperator')}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('operator')}</th>
                  {headers.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                  <th>{t('replies')}</th>
                </tr>
              </thead>
              <tbody>
                {data.perOperator.length === 0 && (
                  <tr>
                    <td colSpan={headers.length + 2}>{t('noOperators')}</td>
                  </tr>
                )}
                {data.perOperator.map((row) => (
                  <tr key={row.operatorId}>
                    <td>{row.name}</td>
                    <FigureCells figures={row} />
                    <td>{row.replies}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h2>{t('perSite')}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('site')}</th>
                  {headers.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.perSite.map((row) => (
                  <tr key={row.siteId}>
                    <td>{row.name}</td>
                    <FigureCells figures={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  );
}

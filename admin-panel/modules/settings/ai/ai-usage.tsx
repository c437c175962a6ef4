'use client';

import type { AiUsageDayDto } from '@chatiq/contracts';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { EmptyState } from '@/modules/ui/empty-state';
import { usageSeries, usageTotals } from './usage-series';

const DAYS = 30;

/** Tokens the assistant spent per day over the last 30 days: bars, then the numbers. */
export function AiUsage({ siteId }: { siteId: string }) {
  const t = useTranslations('settings.ai.usage');
  const format = useFormatter();
  const usage = useResource<AiUsageDayDto[]>(`/sites/${encodeURIComponent(siteId)}/ai/usage?days=${DAYS}`);
  const series = useMemo(() => (usage.data ? usageSeries(usage.data, DAYS, new Date()) : []), [usage.data]);
  const totals = usage.data ? usageTotals(usage.data) : null;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });

  return (
    <section className="card" aria-labelledby="ai-usage-title">
      <h2 id="ai-usage-title">{t('title')}</h2>
      {usage.error ? (
        <FormError error={usage.error} />
      ) : !usage.data || !totals ? (
        <p className="muted">{t('loading')}</p>
      ) : totals.requests === 0 && totals.totalTokens === 0 && totals.handoffs === 0 ? (
        // Not 30 rows of zeros: what to do to see something here.
        <EmptyState text={t('empty')} />
      ) : (
        <>
          <div className="usage-chart" role="img" aria-label={t('chartLabel', { tokens: format.number(totals.totalTokens) })}>
            {series.map((d) => (
              <div
                key={d.day}
                className="usage-bar"
                title={`${day(d.day)}: ${t('tokens', { count: d.totalTokens })}`}
                style={{ height: `${Math.max(d.height, d.totalTokens > 0 ? 2 : 0)}%` }}
              />
            ))}
          </div>
          <div className="usage-axis muted">
            <span>{day(series[0]?.day ?? '')}</span>
            <span>{day(series.at(-1)?.day ?? '')}</span>
          </div>
          <table className="table usage-table">
            <thead>
              <tr>
                <th>{t('day')}</th>
                <th>{t('requests')}</th>
                <th>{t('inputTokens')}</th>
                <th>{t('outputTokens')}</th>
                <th>{t('handoffs')}</th>
              </tr>
            </thead>
            <tbody>
              {[...usage.data].reverse().map((row) => (
                <tr key={row.day}>
                  <td>{day(row.day)}</td>
                  <td>{format.number(row.requests)}</td>
                  <td>{format.number(row.inputTokens)}</td>
                  <td>{format.number(row.outputTokens)}</td>
                  <td>{format.number(row.handoffs)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('total')}</th>
                <th>{format.number(totals.requests)}</th>
                <th>{format.number(totals.inputTokens)}</th>
                <th>{format.number(totals.outputTokens)}</th>
                <th>{format.number(totals.handoffs)}</th>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

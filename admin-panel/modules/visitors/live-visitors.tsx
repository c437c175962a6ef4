'use client';

import type { LiveVisitorDto } from '@chatiq/contracts';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Fragment, useState } from 'react';
import { EmptyState } from '@/modules/ui/empty-state';
import { formatDuration } from './format-duration';
import { InviteForm } from './invite-form';
import { useInvite } from './use-invite';
import { useLiveVisitors } from './use-live-visitors';
import { useNow } from './use-now';
import { useSiteNames } from './use-site-names';
import { VisitorUrl } from './visitor-url';

/** Who has the widget open right now, and a way to start talking to them. */
export function LiveVisitors() {
  const t = useTranslations('visitors');
  const { visitors, error } = useLiveVisitors();
  const label = (v: LiveVisitorDto) => v.name ?? v.email ?? t('anonymous', { id: v.visitorId.slice(-5) });
  const invite = useInvite();
  const now = useNow();
  const siteNames = useSiteNames();
  const [inviting, setInviting] = useState<string | null>(null);

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {error && (
        <p role="alert" className="error">
          {t(error)}
        </p>
      )}
      {visitors === null ? (
        !error && <p className="muted">{t('loading')}</p>
      ) : visitors.length === 0 ? (
        <EmptyState text={t('empty')} action={<Link href="/sites">{t('emptyAction')}</Link>} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('columns.visitor')}</th>
              <th>{t('columns.site')}</th>
              <th>{t('columns.page')}</th>
              <th>{t('columns.timeOnSite')}</th>
              <th>{t('columns.tabs')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {visitors.map((v) => (
              <Fragment key={v.visitorId}>
                <tr data-testid="live-visitor" data-visitor-id={v.visitorId}>
                  <td>{label(v)}</td>
                  <td>{siteNames.get(v.siteId) ?? v.siteId}</td>
                  <td className="live-page">
                    {v.currentPageTitle && <span>{v.currentPageTitle}</span>}
                    {v.currentPageUrl && <VisitorUrl url={v.currentPageUrl} className="muted" />}
                    {!v.currentPageTitle && !v.currentPageUrl && <span className="muted">{t('unknownPage')}</span>}
                  </td>
                  <td>{formatDuration(now - Date.parse(v.connectedAt), (key, values) => t(`duration.${key}`, values))}</td>
                  <td>{v.tabs}</td>
                  <td>
                    {v.chatId && (
                      <Link href={`/inbox?chat=${encodeURIComponent(v.chatId)}`} className="live-chat-link">
                        {t('openChat')}
                      </Link>
                    )}{' '}
                    <button type="button" onClick={() => setInviting(v.visitorId)} disabled={inviting === v.visitorId}>
                      {t('message')}
                    </button>
                  </td>
                </tr>
                {inviting === v.visitorId && (
                  <tr>
                    <td colSpan={6}>
                      <InviteForm
                        visitorLabel={label(v)}
                        onInvite={(text) => invite(v.visitorId, text)}
                        onCancel={() => setInviting(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

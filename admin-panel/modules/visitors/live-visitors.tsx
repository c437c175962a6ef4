'use client';

import type { LiveVisitorDto } from '@chatiq/contracts';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { formatDuration } from './format-duration';
import { InviteForm } from './invite-form';
import { useInvite } from './use-invite';
import { useLiveVisitors } from './use-live-visitors';
import { useNow } from './use-now';
import { useSiteNames } from './use-site-names';

const label = (v: LiveVisitorDto) => v.name ?? v.email ?? `Visitor ${v.visitorId.slice(-5)}`;

/** Who has the widget open right now, and a way to start talking to them. */
export function LiveVisitors() {
  const { visitors, error } = useLiveVisitors();
  const invite = useInvite();
  const now = useNow();
  const siteNames = useSiteNames();
  const [inviting, setInviting] = useState<string | null>(null);

  return (
    <div className="page">
      <h1>Live visitors</h1>
      <p className="muted">Visitors with your widget open right now. Refreshed every 5 seconds.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {visitors === null ? (
        !error && <p className="muted">Loading visitors…</p>
      ) : visitors.length === 0 ? (
        <p className="muted">Nobody is on your sites right now.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Visitor</th>
              <th>Site</th>
              <th>Page</th>
              <th>Time on site</th>
              <th>Tabs</th>
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
                    {v.currentPageUrl && <span className="muted">{v.currentPageUrl}</span>}
                    {!v.currentPageTitle && !v.currentPageUrl && <span className="muted">Unknown page</span>}
                  </td>
                  <td>{formatDuration(now - Date.parse(v.connectedAt))}</td>
                  <td>{v.tabs}</td>
                  <td>
                    {v.chatId && (
                      <Link href={`/inbox?chat=${encodeURIComponent(v.chatId)}`} className="live-chat-link">
                        Open chat
                      </Link>
                    )}{' '}
                    <button type="button" onClick={() => setInviting(v.visitorId)} disabled={inviting === v.visitorId}>
                      Message
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

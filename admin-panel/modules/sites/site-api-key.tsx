'use client';

import type { RotatedSiteKeyDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { FormError } from '@/lib/forms/form-messages';
import { CopyButton } from './copy-button';
import { RotateConfirm } from './rotate-confirm';

/** The site's secret API key: its last 4 characters, and a rotation (confirmed) that shows the new key this once. */
export function SiteApiKey({ siteId, last4, onRotated }: { siteId: string; last4: string; onRotated: (last4: string) => void }) {
  const t = useTranslations('sites.apiKey');
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [fresh, setFresh] = useState<string | null>(null);

  async function rotate() {
    setBusy(true);
    setFailure(null);
    try {
      const rotated = await api<RotatedSiteKeyDto>(`/sites/${encodeURIComponent(siteId)}/rotate-key`, { method: 'POST' });
      setFresh(rotated.apiKey);
      setConfirming(false);
      onRotated(rotated.apiKeyLast4);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="site-section" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <p>
        {t('current')} <code data-testid="api-key-last4">••••{last4}</code>
      </p>
      {fresh && (
        <div className="callout secret-once" role="status">
          <p>{t('newKeyOnce')}</p>
          <p className="secret-line">
            <code data-testid="rotated-api-key">{fresh}</code>
            <CopyButton text={fresh} label={t('copyKey')} />
          </p>
        </div>
      )}
      {confirming ? (
        <RotateConfirm namespace="sites.apiKey" busy={busy} onConfirm={rotate} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('rotate')}
        </button>
      )}
      <FormError error={failure} />
    </section>
  );
}

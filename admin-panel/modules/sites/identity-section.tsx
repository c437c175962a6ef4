'use client';

import type { IdentitySecretDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import { FormError } from '@/lib/forms/form-messages';
import { CopyButton } from './copy-button';
import { identityServerSample, identitySetUserSample } from './identity-sample';
import { RotateConfirm } from './rotate-confirm';

/**
 * Identity verification (`chtq.setUser`): the site's secret, revealed on demand (never loaded
 * with the page), copied, rotated after a confirmation; and how the host site uses it.
 */
export function IdentitySection({ siteId }: { siteId: string }) {
  const t = useTranslations('sites.identity');
  const tc = useTranslations('common');
  const api = useApi();
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function load(kind: 'reveal' | 'rotate') {
    setBusy(true);
    setFailure(null);
    try {
      const path = `/sites/${encodeURIComponent(siteId)}/${kind === 'reveal' ? 'identity-secret' : 'rotate-identity-secret'}`;
      const answer = await api<IdentitySecretDto>(path, kind === 'reveal' ? {} : { method: 'POST' });
      setSecret(answer.secret);
      setRotated(kind === 'rotate');
      setConfirming(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const notConfigured = failure instanceof ApiError && failure.body.code === 'identity_not_configured';

  return (
    <section className="site-section identity-section" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <p className="muted">{t('intro')}</p>

      {secret !== null && (
        <div className="secret-box">
          {rotated && (
            <p className="saved-note" role="status">
              {t('rotated')}
            </p>
          )}
          <p className="secret-line">
            <code data-testid="identity-secret">{secret}</code>
          </p>
        </div>
      )}

      {confirming ? (
        <RotateConfirm namespace="sites.identity" busy={busy} onConfirm={() => load('rotate')} onCancel={() => setConfirming(false)} />
      ) : (
        <div className="form-actions">
          {secret === null ? (
            <button type="button" disabled={busy} onClick={() => load('reveal')}>
              {busy ? tc('loading') : t('reveal')}
            </button>
          ) : (
            <>
              <CopyButton text={secret} label={t('copy')} testId="copy-identity-secret" />
              <button type="button" onClick={() => setSecret(null)}>
                {t('hide')}
              </button>
            </>
          )}
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('rotate')}
          </button>
        </div>
      )}
      {notConfigured ? (
        <p className="error" role="alert">
          {t('notConfigured')}
        </p>
      ) : (
        <FormError error={failure} />
      )}

      <details className="identity-howto">
        <summary>{t('howTo')}</summary>
        <p className="hint">{t('serverStep')}</p>
        <pre data-testid="identity-server-sample">{identityServerSample()}</pre>
        <p className="hint">{t('pageStep')}</p>
        <pre data-testid="identity-page-sample">{identitySetUserSample()}</pre>
        <p className="hint">{t('resultNote')}</p>
      </details>
    </section>
  );
}

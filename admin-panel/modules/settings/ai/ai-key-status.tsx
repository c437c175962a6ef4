'use client';

import type { AiSettingsDto } from '@chatiq/contracts';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { FormError } from '@/lib/forms/form-messages';

/** The stored key (its last 4 characters only), what the provider said about it, and a re-check. */
export function AiKeyStatus({
  siteId,
  settings,
  onChecked,
}: {
  siteId: string;
  settings: AiSettingsDto;
  onChecked: (settings: AiSettingsDto) => void;
}) {
  const t = useTranslations('settings.ai');
  const format = useFormatter();
  const api = useApi();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function check() {
    setChecking(true);
    setError(null);
    try {
      onChecked(await api<AiSettingsDto>(`/sites/${encodeURIComponent(siteId)}/ai/check`, { method: 'POST' }));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="key-status" data-testid="ai-key-status" data-status={settings.status}>
      <p>
        {settings.apiKeyLast4 ? (
          <>
            {t('keyStored')} <code data-testid="ai-key-last4">••••{settings.apiKeyLast4}</code>
          </>
        ) : (
          t('keyMissing')
        )}
      </p>
      <p>
        <span className={`badge status-${settings.status}`}>{t(`status.${settings.status}`)}</span>
        {settings.statusCheckedAt && (
          <span className="muted">
            {' '}
            {t('checkedAt', { when: format.dateTime(new Date(settings.statusCheckedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
          </span>
        )}
      </p>
      {settings.statusMessage && (
        <p className={settings.status === 'ok' ? 'muted' : 'error'} data-testid="ai-status-message">
          {settings.statusMessage}
        </p>
      )}
      <button type="button" onClick={check} disabled={checking || !settings.apiKeyLast4}>
        {checking ? t('checking') : t('checkKey')}
      </button>
      <FormError error={error} />
    </div>
  );
}

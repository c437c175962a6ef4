'use client';

import type { AiSettingsDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { AiKeyStatus } from './ai-key-status';
import { AiSettingsForm } from './ai-settings-form';
import { AiUsage } from './ai-usage';

/** The site's AI assistant: settings, the key's status, and what it spent. */
export function AiSettingsTab() {
  const t = useTranslations('settings.ai');
  const site = useSelectedSite();
  const settings = useResource<AiSettingsDto>(`/sites/${encodeURIComponent(site.id)}/ai`);

  return (
    <>
      <section className="card" aria-labelledby="ai-title">
        <h2 id="ai-title">{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
        {settings.error ? (
          <FormError error={settings.error} />
        ) : !settings.data ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <>
            <AiKeyStatus siteId={site.id} settings={settings.data} onChecked={settings.setData} />
            <AiSettingsForm siteId={site.id} settings={settings.data} onSaved={settings.setData} />
          </>
        )}
      </section>
      <AiUsage siteId={site.id} />
    </>
  );
}

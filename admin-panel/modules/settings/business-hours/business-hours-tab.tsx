'use client';

import type { BusinessHoursDto, BusinessStatusPayload } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { BusinessHoursForm } from './business-hours-form';
import { BusinessStatus } from './business-status';

export function BusinessHoursTab() {
  const t = useTranslations('settings.hours');
  const site = useSelectedSite();
  const base = `/sites/${encodeURIComponent(site.id)}`;
  const hours = useResource<BusinessHoursDto>(`${base}/business-hours`);
  const status = useResource<BusinessStatusPayload>(`${base}/business-status`);

  return (
    <section className="card" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {hours.data && <BusinessStatus status={status} timeZone={hours.data.timezone} />}
      {hours.error ? (
        <FormError error={hours.error} />
      ) : !hours.data ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <BusinessHoursForm
          siteId={site.id}
          hours={hours.data}
          onSaved={(saved) => {
            hours.setData(saved);
            status.reload();
          }}
        />
      )}
    </section>
  );
}

'use client';

import type { BusinessStatusPayload } from '@chatiq/contracts';
import { useFormatter, useTranslations } from 'next-intl';
import type { Resource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';

/** Whether the widget shows the site online now, and until when (in the site's time zone). */
export function BusinessStatus({ status, timeZone }: { status: Resource<BusinessStatusPayload>; timeZone: string }) {
  const t = useTranslations('settings.hours');
  const format = useFormatter();
  if (status.error) return <FormError error={status.error} />;
  if (!status.data) return <p className="muted">{t('statusLoading')}</p>;
  const { online, nextChangeAt } = status.data;
  let when: string | null = null;
  if (nextChangeAt) {
    try {
      when = format.dateTime(new Date(nextChangeAt), { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone });
    } catch {
      when = format.dateTime(new Date(nextChangeAt), { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    }
  }
  return (
    <p className="business-status" data-testid="business-status" data-online={online}>
      <span className={`badge ${online ? 'open' : 'pending'}`}>{online ? t('onlineNow') : t('offlineNow')}</span>{' '}
      {when
        ? online
          ? t('closesAt', { when, zone: timeZone })
          : t('opensAt', { when, zone: timeZone })
        : online
          ? t('noChangeSoon')
          : t('noOpeningSoon')}
    </p>
  );
}

'use client';

import type { SiteDetailDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { DeleteSite } from './delete-site';
import { EditSiteForm } from './edit-site-form';
import { IdentitySection } from './identity-section';
import { SiteApiKey } from './site-api-key';

/** Everything an owner or admin manages on one site; deleting it is the owner's. */
export function SitePanel({
  siteId,
  canDelete,
  onChanged,
  onDeleted,
}: {
  siteId: string;
  canDelete: boolean;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const t = useTranslations('sites');
  const detail = useResource<SiteDetailDto>(`/sites/${encodeURIComponent(siteId)}`);

  if (detail.error) {
    return (
      <div className="site-panel">
        <FormError error={detail.error} />
        <button type="button" onClick={detail.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div className="site-panel">
        <p className="muted">{t('loadingSite')}</p>
      </div>
    );
  }
  const site = detail.data;
  return (
    <div className="site-panel">
      <EditSiteForm
        key={site.id}
        site={site}
        onSaved={(updated) => {
          detail.setData(updated);
          onChanged();
        }}
      />
      <SiteApiKey siteId={site.id} last4={site.apiKeyLast4} onRotated={(last4) => detail.setData({ ...site, apiKeyLast4: last4 })} />
      <IdentitySection siteId={site.id} />
      {canDelete && <DeleteSite site={site} onDeleted={onDeleted} />}
    </div>
  );
}

'use client';

import { type CreatedSiteDto, createSiteBodySchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { unclaimedErrors } from '@/lib/forms/field-errors';
import { FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { emptySiteForm, SiteFormFields, type SiteFormValues, siteFormBody } from './site-form-fields';

/** "Add a site" (OWNER, ADMIN): checked with the contract's schema, problems on their fields. */
export function CreateSiteForm({ onCreated }: { onCreated: (site: CreatedSiteDto) => void }) {
  const t = useTranslations('sites');
  const api = useApi();
  const [values, setValues] = useState<SiteFormValues>(emptySiteForm);
  const { errors, failure, saving, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = siteFormBody(values);
    const site = await submit(createSiteBodySchema, body, () => api<CreatedSiteDto>('/sites', { method: 'POST', body }));
    if (!site) return;
    setValues(emptySiteForm);
    onCreated(site);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('addTitle')}>
      <SiteFormFields values={values} errors={errors} onChange={setValues} idPrefix="new-site" />
      <FormError error={failure} messages={unclaimedErrors(errors, ['name', 'domains', 'allowedOrigins'])} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('creating') : t('create')}
        </button>
      </div>
    </form>
  );
}

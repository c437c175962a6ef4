'use client';

import { type SiteDetailDto, updateSiteBodySchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { unclaimedErrors } from '@/lib/forms/field-errors';
import { FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { fromLines } from './lines';
import { SiteFormFields, type SiteFormValues, siteFormBody } from './site-form-fields';

const valuesOf = (site: SiteDetailDto): SiteFormValues => ({
  name: site.name,
  domains: fromLines(site.domains),
  allowedOrigins: fromLines(site.allowedOrigins),
});

/** Name, domains and allowed origins of a site (OWNER, ADMIN); the lists replace the stored ones. */
export function EditSiteForm({ site, onSaved }: { site: SiteDetailDto; onSaved: (site: SiteDetailDto) => void }) {
  const t = useTranslations('sites');
  const tc = useTranslations('common');
  const api = useApi();
  const [values, setValues] = useState<SiteFormValues>(() => valuesOf(site));
  const { errors, failure, saving, saved, setSaved, submit } = useContractSubmit();
  const changed = JSON.stringify(siteFormBody(values)) !== JSON.stringify(siteFormBody(valuesOf(site)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = siteFormBody(values);
    const updated = await submit(updateSiteBodySchema, body, () =>
      api<SiteDetailDto>(`/sites/${encodeURIComponent(site.id)}`, { method: 'PATCH', body }),
    );
    if (!updated) return;
    setValues(valuesOf(updated));
    onSaved(updated);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('edit.title')}>
      <h3>{t('edit.title')}</h3>
      <SiteFormFields
        values={values}
        errors={errors}
        onChange={(next) => {
          setSaved(false);
          setValues(next);
        }}
        idPrefix={`site-${site.id}`}
      />
      <p className="hint">{t('edit.hint')}</p>
      <FormError error={failure} messages={unclaimedErrors(errors, ['name', 'domains', 'allowedOrigins'])} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving || !changed}>
          {saving ? tc('saving') : tc('save')}
        </button>
        <button type="button" disabled={saving || !changed} onClick={() => setValues(valuesOf(site))}>
          {t('edit.reset')}
        </button>
        <SavedNote show={saved && !changed} text={tc('saved')} />
      </div>
    </form>
  );
}

'use client';

import type { SiteDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { toggleId } from './team-rules';

/** The sites an operator answers, one checkbox each. */
export function SiteCheckboxes({
  sites,
  value,
  disabled,
  label,
  onChange,
}: {
  sites: SiteDto[];
  value: string[];
  disabled?: boolean;
  label: string;
  onChange: (siteIds: string[]) => void;
}) {
  const t = useTranslations('settings.team');
  return (
    <fieldset className="site-checkboxes">
      <legend className="visually-hidden">{label}</legend>
      {sites.length === 0 && <span className="muted">{t('noSites')}</span>}
      {sites.map((site) => (
        <label key={site.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(site.id)}
            disabled={disabled}
            onChange={(e) => onChange(toggleId(value, site.id, e.target.checked))}
          />
          {site.name}
        </label>
      ))}
    </fieldset>
  );
}

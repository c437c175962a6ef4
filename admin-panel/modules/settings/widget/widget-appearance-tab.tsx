'use client';

import { WIDGET_LANGUAGES, WIDGET_POSITIONS, WIDGET_SIZES, type WidgetSettingsDto, widgetSettingsBodySchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useResource } from '@/lib/api/use-resource';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { previewLook, type WidgetForm, widgetBodyFromForm, widgetFormFromStored } from './widget-form';
import { WidgetPreview } from './widget-preview';

type Scope = 'site' | 'organization';

/** The widget's look for this site (its own values over the organization's), or for every site. */
export function WidgetAppearanceTab() {
  const t = useTranslations('settings.widget');
  const site = useSelectedSite();
  const [scope, setScope] = useState<Scope>('site');
  const path = scope === 'site' ? `/sites/${encodeURIComponent(site.id)}/widget-settings` : '/widget-settings';
  const settings = useResource<WidgetSettingsDto>(path);
  const loaded =
    settings.data && (scope === 'site' ? settings.data.siteId === site.id : settings.data.siteId === null) ? settings.data : null;

  return (
    <section className="card" aria-labelledby="widget-title">
      <h2 id="widget-title">{t('title')}</h2>
      <fieldset className="segmented scope-switch">
        <legend className="visually-hidden">{t('scope')}</legend>
        <button type="button" aria-pressed={scope === 'site'} onClick={() => setScope('site')}>
          {t('scopeSite', { site: site.name })}
        </button>
        <button type="button" aria-pressed={scope === 'organization'} onClick={() => setScope('organization')}>
          {t('scopeOrganization')}
        </button>
      </fieldset>
      <p className="muted">{scope === 'site' ? t('introSite') : t('introOrganization')}</p>
      {settings.error ? (
        <FormError error={settings.error} />
      ) : !loaded ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <WidgetAppearanceForm key={path} path={path} settings={loaded} onSaved={settings.setData} />
      )}
    </section>
  );
}

function WidgetAppearanceForm({
  path,
  settings,
  onSaved,
}: {
  path: string;
  settings: WidgetSettingsDto;
  onSaved: (s: WidgetSettingsDto) => void;
}) {
  const t = useTranslations('settings.widget');
  const tc = useTranslations('common');
  const api = useApi();
  const [form, setForm] = useState<WidgetForm>(() => widgetFormFromStored(settings.settings));
  const { errors, failure, saving, saved, setSaved, submit: send } = useContractSubmit();
  const inherited = settings.inherited;
  const set = <K extends keyof WidgetForm>(key: K, value: WidgetForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = widgetBodyFromForm(form);
    const stored = await send(widgetSettingsBodySchema, body, () => api<WidgetSettingsDto>(path, { method: 'PUT', body }));
    if (stored) {
      onSaved(stored);
      setForm(widgetFormFromStored(stored.settings));
    }
  }

  const choice = (key: 'position' | 'size' | 'language', options: readonly string[]) => (
    <label>
      {t(`fields.${key}`)}
      <select value={form[key]} onChange={(e) => set(key, e.target.value as WidgetForm[typeof key])}>
        <option value="">{t('inherit', { value: t(`options.${inherited[key]}`) })}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {t(`options.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="widget-appearance">
      <form className="stack settings-form" onSubmit={submit} noValidate aria-label={t('title')}>
        <div className="color-field">
          <label>
            {t('fields.color')}
            <input
              value={form.color}
              onChange={(e) => set('color', e.target.value)}
              placeholder={inherited.color}
              spellCheck={false}
              aria-invalid={Boolean(errors.color)}
            />
          </label>
          <input
            type="color"
            aria-label={t('colorPicker')}
            value={/^#[0-9a-fA-F]{6}$/.test(form.color) ? form.color.toLowerCase() : inherited.color}
            onChange={(e) => set('color', e.target.value)}
          />
          {form.color && (
            <button type="button" className="link-button" onClick={() => set('color', '')}>
              {t('useInherited')}
            </button>
          )}
        </div>
        <FieldError message={errorAt(errors, 'color')} />
        <label>
          {t('fields.title')}
          <input value={form.title} maxLength={60} onChange={(e) => set('title', e.target.value)} placeholder={inherited.title} />
          <FieldError message={errorAt(errors, 'title')} />
        </label>
        <label>
          {t('fields.welcomeMessage')}
          <textarea
            rows={2}
            maxLength={500}
            value={form.welcomeMessage}
            onChange={(e) => set('welcomeMessage', e.target.value)}
            placeholder={inherited.welcomeMessage}
          />
          <FieldError message={errorAt(errors, 'welcomeMessage')} />
        </label>
        {choice('position', WIDGET_POSITIONS)}
        {choice('size', WIDGET_SIZES)}
        {choice('language', WIDGET_LANGUAGES)}
        <p className="hint">{t('blankInherits')}</p>
        <FormError error={failure} messages={unclaimedErrors(errors, ['color', 'title', 'welcomeMessage'])} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? tc('saving') : tc('save')}
          </button>
          <SavedNote show={saved} text={tc('saved')} />
        </div>
      </form>
      <WidgetPreview look={previewLook(inherited, form)} />
    </div>
  );
}

'use client';

import { type BusinessHoursDto, type BusinessHoursSettingsInput, businessHoursSettingsSchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { ExceptionsEditor } from './exceptions-editor';
import { TimeZoneField } from './time-zone-field';
import { WeeklyEditor } from './weekly-editor';
import { editableHours } from './weekly-intervals';

type Form = Required<Omit<BusinessHoursSettingsInput, 'offHoursMessage'>> & { offHoursMessage: string };

function formOf(hours: BusinessHoursDto): Form {
  return {
    timezone: hours.timezone,
    enabled: hours.enabled,
    ...editableHours(hours.weekly, hours.exceptions),
    offHoursMessage: hours.offHoursMessage ?? '',
  };
}

export function BusinessHoursForm({
  siteId,
  hours,
  onSaved,
}: {
  siteId: string;
  hours: BusinessHoursDto;
  onSaved: (saved: BusinessHoursDto) => void;
}) {
  const t = useTranslations('settings.hours');
  const tc = useTranslations('common');
  const api = useApi();
  const [form, setForm] = useState<Form>(() => formOf(hours));
  const { errors, failure, saving, saved, setSaved, submit: send } = useContractSubmit();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: BusinessHoursSettingsInput = {
      ...form,
      timezone: form.timezone.trim(),
      offHoursMessage: form.offHoursMessage.trim() || null,
    };
    const stored = await send(businessHoursSettingsSchema, body, () =>
      api<BusinessHoursDto>(`/sites/${encodeURIComponent(siteId)}/business-hours`, { method: 'PUT', body }),
    );
    if (stored) {
      setForm(formOf(stored));
      onSaved(stored);
    }
  }

  return (
    <form className="stack wide settings-form" onSubmit={submit} noValidate aria-label={t('title')}>
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('enabled')}
      </label>
      {!form.enabled && <p className="hint">{t('disabledHint')}</p>}
      <TimeZoneField value={form.timezone} error={errorAt(errors, 'timezone')} onChange={(zone) => set('timezone', zone)} />
      <WeeklyEditor weekly={form.weekly} errors={errors} onChange={(weekly) => set('weekly', weekly)} />
      <ExceptionsEditor exceptions={form.exceptions} errors={errors} onChange={(exceptions) => set('exceptions', exceptions)} />
      <label>
        {t('offHoursMessage')}
        <textarea
          rows={3}
          maxLength={1000}
          value={form.offHoursMessage}
          placeholder={t('offHoursPlaceholder')}
          onChange={(e) => set('offHoursMessage', e.target.value)}
        />
        <span className="hint">{t('offHoursHint')}</span>
        <FieldError message={errorAt(errors, 'offHoursMessage')} />
      </label>
      <FormError error={failure} messages={unclaimedErrors(errors, ['timezone', 'weekly', 'exceptions', 'offHoursMessage'])} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? tc('saving') : tc('save')}
        </button>
        <SavedNote show={saved} text={tc('saved')} />
      </div>
    </form>
  );
}

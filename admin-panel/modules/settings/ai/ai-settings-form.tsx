'use client';

import { type AiSettingsDto, aiSettingsBodySchema } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { type AiForm, aiBodyFromForm, aiFormFromDto } from './ai-form';

const FIELDS = [
  'enabled',
  'apiKey',
  'baseUrl',
  'backend',
  'model',
  'instructions',
  'vectorStoreIds',
  'maxOutputTokens',
  'chatTokenCap',
  'dailyTokenCap',
  'autoResolveAfterMinutes',
];

export function AiSettingsForm({
  siteId,
  settings,
  onSaved,
}: {
  siteId: string;
  settings: AiSettingsDto;
  onSaved: (s: AiSettingsDto) => void;
}) {
  const t = useTranslations('settings.ai');
  const tc = useTranslations('common');
  const api = useApi();
  const [form, setForm] = useState<AiForm>(() => aiFormFromDto(settings));
  const { errors, failure, saving, saved, setSaved, submit: send } = useContractSubmit();
  const [rejected, setRejected] = useState<string | null>(null);
  const set = <K extends keyof AiForm>(key: K, value: AiForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRejected(null);
    const body = aiBodyFromForm(form);
    const stored = await send(
      aiSettingsBodySchema,
      body,
      () => api<AiSettingsDto>(`/sites/${encodeURIComponent(siteId)}/ai`, { method: 'PUT', body }),
      {
        claim: (e) => {
          if (!(e instanceof ApiError)) return false;
          // The base URL leads to a local or private address: said next to the field, in the panel's language.
          if (e.body.code === 'egress_refused') return { baseUrl: t('egressRefused') };
          if (e.body.code !== 'ai_key_rejected') return false;
          setRejected(e.body.message);
          return true;
        },
      },
    );
    if (stored) {
      onSaved(stored);
      setForm(aiFormFromDto(stored));
    }
  }

  const text = (key: 'baseUrl' | 'model', props: { placeholder?: string } = {}) => (
    <label>
      {t(`fields.${key}`)}
      <input value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={Boolean(errors[key])} {...props} />
      <FieldError message={errorAt(errors, key)} />
    </label>
  );
  const number = (key: 'maxOutputTokens' | 'chatTokenCap' | 'dailyTokenCap') => (
    <label>
      {t(`fields.${key}`)}
      <input inputMode="numeric" value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={Boolean(errors[key])} />
      <FieldError message={errorAt(errors, key)} />
    </label>
  );

  return (
    <form className="stack settings-form" onSubmit={submit} noValidate aria-label={t('title')}>
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('fields.enabled')}
      </label>
      <label>
        {t('fields.apiKey')}
        <input
          type="password"
          autoComplete="off"
          value={form.apiKey}
          onChange={(e) => set('apiKey', e.target.value)}
          placeholder={settings.apiKeyLast4 ? t('apiKeyKeep', { last4: settings.apiKeyLast4 }) : t('apiKeyPlaceholder')}
          aria-invalid={Boolean(errors.apiKey) || Boolean(rejected)}
        />
        <span className="hint">{t('apiKeyHint')}</span>
        <FieldError message={errorAt(errors, 'apiKey')} />
      </label>
      {rejected !== null && (
        <div role="alert" className="callout danger" data-testid="ai-key-rejected">
          <strong>{t('rejectedTitle')}</strong>
          <p>{rejected}</p>
          <p className="muted">{t('rejectedNothingSaved')}</p>
        </div>
      )}
      {text('baseUrl', { placeholder: 'https://api.openai.com/v1' })}
      <span className="hint">{t('baseUrlHint')}</span>
      <label>
        {t('fields.backend')}
        <select value={form.backend} onChange={(e) => set('backend', e.target.value as AiForm['backend'])}>
          <option value="responses">{t('backends.responses')}</option>
          <option value="chat_completions">{t('backends.chat_completions')}</option>
        </select>
        <FieldError message={errorAt(errors, 'backend')} />
      </label>
      {text('model', { placeholder: 'gpt-4.1-mini' })}
      <label>
        {t('fields.instructions')}
        <textarea
          rows={5}
          value={form.instructions}
          onChange={(e) => set('instructions', e.target.value)}
          placeholder={t('instructionsPlaceholder')}
        />
        <FieldError message={errorAt(errors, 'instructions')} />
      </label>
      <label>
        {t('fields.vectorStoreIds')}
        <textarea
          rows={2}
          value={form.vectorStoreIds}
          onChange={(e) => set('vectorStoreIds', e.target.value)}
          placeholder="vs_abc123"
          aria-invalid={Boolean(errors.vectorStoreIds)}
        />
        <span className="hint">{form.backend === 'responses' ? t('vectorStoresHint') : t('vectorStoresNeedResponses')}</span>
        {Object.entries(errors)
          .filter(([path]) => path === 'vectorStoreIds' || path.startsWith('vectorStoreIds.'))
          .map(([path, message]) => (
            <FieldError key={path} message={message} />
          ))}
      </label>
      <fieldset className="inline-fields">
        <legend>{t('limits')}</legend>
        {number('maxOutputTokens')}
        {number('chatTokenCap')}
        {number('dailyTokenCap')}
      </fieldset>
      <label>
        {t('fields.autoResolveAfterMinutes')}
        <input
          inputMode="numeric"
          value={form.autoResolveAfterMinutes}
          onChange={(e) => set('autoResolveAfterMinutes', e.target.value)}
          aria-invalid={Boolean(errors.autoResolveAfterMinutes)}
          aria-describedby="ai-auto-resolve-hint"
        />
        <span className="hint" id="ai-auto-resolve-hint">
          {t('autoResolveHint')}
        </span>
        <FieldError message={errorAt(errors, 'autoResolveAfterMinutes')} />
      </label>
      <FormError error={failure} messages={unclaimedErrors(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('validating') : tc('save')}
        </button>
        <SavedNote show={saved} text={tc('saved')} />
      </div>
    </form>
  );
}

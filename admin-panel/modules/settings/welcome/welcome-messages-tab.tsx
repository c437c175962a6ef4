'use client';

import { type WelcomeMessagesBody, type WelcomeMessagesDto, welcomeMessagesBodySchema } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useResource } from '@/lib/api/use-resource';
import { errorAt, errorsWithin, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError, SavedNote } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { useSelectedSite } from '@/modules/settings/selected-site';
import { languageLabel, SUGGESTED_LANGUAGES } from './language-label';

type Row = { language: string; text: string };

/** The greeting a visitor gets when a chat starts, per language ("*": any other language). */
export function WelcomeMessagesTab() {
  const t = useTranslations('settings.welcome');
  const site = useSelectedSite();
  const messages = useResource<WelcomeMessagesDto>(`/sites/${encodeURIComponent(site.id)}/welcome-messages`);
  return (
    <section className="card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {messages.error ? (
        <FormError error={messages.error} />
      ) : !messages.data ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <WelcomeMessagesForm siteId={site.id} initial={messages.data.messages} />
      )}
    </section>
  );
}

function WelcomeMessagesForm({ siteId, initial }: { siteId: string; initial: Row[] }) {
  const t = useTranslations('settings.welcome');
  const tc = useTranslations('common');
  const locale = useLocale();
  const api = useApi();
  const [rows, setRows] = useState<Row[]>(initial);
  const { errors, failure, saving, saved, setSaved, submit: send } = useContractSubmit();
  const update = (index: number, patch: Partial<Row>) => {
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setSaved(false);
  };
  const unused = SUGGESTED_LANGUAGES.find((code) => !rows.some((r) => r.language === code)) ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: WelcomeMessagesBody = { messages: rows.map((r) => ({ language: r.language.trim(), text: r.text })) };
    const stored = await send(welcomeMessagesBodySchema, body, () =>
      api<WelcomeMessagesDto>(`/sites/${encodeURIComponent(siteId)}/welcome-messages`, { method: 'PUT', body }),
    );
    if (stored) setRows(stored.messages);
  }

  return (
    <form className="stack wide settings-form" onSubmit={submit} noValidate aria-label={t('title')}>
      {rows.length === 0 && <p className="muted">{t('empty')}</p>}
      <datalist id="welcome-languages">
        {['*', ...SUGGESTED_LANGUAGES].map((code) => (
          <option key={code} value={code}>
            {languageLabel(code, locale, t('anyLanguage'))}
          </option>
        ))}
      </datalist>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are controlled and have no identity but their place (languages change as typed).
        <div key={index} className="welcome-row" data-testid="welcome-message">
          <label className="language-field">
            {t('language')}
            <input
              list="welcome-languages"
              value={row.language}
              onChange={(e) => update(index, { language: e.target.value })}
              spellCheck={false}
            />
            <span className="hint">{languageLabel(row.language.trim(), locale, t('anyLanguage'))}</span>
            <FieldError message={errorAt(errors, 'messages', index, 'language') ?? errorAt(errors, 'messages', index)} />
          </label>
          <label className="grow">
            {t('text')}
            <textarea rows={2} value={row.text} onChange={(e) => update(index, { text: e.target.value })} />
            {errorsWithin(errors, 'messages', index, 'text').map((m) => (
              <FieldError key={m} message={m} />
            ))}
          </label>
          <button type="button" className="link-button danger" onClick={() => setRows((list) => list.filter((_, i) => i !== index))}>
            {tc('delete')}
          </button>
        </div>
      ))}
      <div>
        <button type="button" onClick={() => setRows((list) => [...list, { language: unused, text: '' }])}>
          {t('add')}
        </button>
      </div>
      <p className="hint">{t('fallbackHint')}</p>
      <FormError
        error={failure}
        messages={[...(errorAt(errors, 'messages') ? [errorAt(errors, 'messages') ?? ''] : []), ...unclaimedErrors(errors, ['messages'])]}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? tc('saving') : tc('save')}
        </button>
        <SavedNote show={saved} text={tc('saved')} />
      </div>
    </form>
  );
}

'use client';

import { type QuickTemplateBody, type QuickTemplateDto, quickTemplateBodySchema } from '@chatiq/contracts';
import { renderTemplate, TEMPLATE_VARIABLES } from '@chatiq/contracts/protocol';
import { useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { insertAtCursor } from './insert-at-cursor';

type Form = { scope: 'site' | 'organization'; shortcut: string; text: string };

/** Creates a template (no `template`) or edits one; the shortcut must be unique in its scope. */
export function TemplateForm({
  siteId,
  siteName,
  template,
  onSaved,
  onCancel,
}: {
  siteId: string;
  siteName: string;
  template: QuickTemplateDto | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations('settings.templates');
  const tc = useTranslations('common');
  const api = useApi();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const initial: Form = {
    scope: template && template.siteId === null ? 'organization' : 'site',
    shortcut: template?.shortcut ?? '/',
    text: template?.text ?? '',
  };
  const [form, setForm] = useState<Form>(initial);
  const { errors, failure, saving, submit: send } = useContractSubmit();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  function insertVariable(variable: string) {
    const area = textRef.current;
    const { text, cursor } = insertAtCursor(form.text, `{${variable}}`, area?.selectionStart ?? null, area?.selectionEnd ?? null);
    set('text', text);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(cursor, cursor);
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: QuickTemplateBody = { shortcut: form.shortcut, text: form.text, siteId: form.scope === 'site' ? siteId : null };
    const stored = await send(
      quickTemplateBodySchema,
      body,
      () =>
        template
          ? api(`/templates/${encodeURIComponent(template.id)}`, { method: 'PUT', body })
          : api('/templates', { method: 'POST', body }),
      { claim: (e) => (e instanceof ApiError && e.body.code === 'shortcut_taken' ? { shortcut: 'shortcut_taken' } : false) },
    );
    if (stored === undefined) return;
    if (!template) setForm({ ...initial, scope: form.scope });
    onSaved();
  }

  const samples = {
    visitor: { name: t('sample.visitorName'), email: 'olena@example.com' },
    operator: { name: t('sample.operatorName') },
    site: { name: siteName },
  };
  const shortcutError = errorAt(errors, 'shortcut');

  return (
    <form className="stack template-form" onSubmit={submit} noValidate aria-label={template ? t('editTitle') : t('newTitle')}>
      {!template && <h3>{t('newTitle')}</h3>}
      <label>
        {t('scope')}
        <select value={form.scope} onChange={(e) => set('scope', e.target.value as Form['scope'])}>
          <option value="site">{t('scopeSite', { site: siteName })}</option>
          <option value="organization">{t('scopeOrganization')}</option>
        </select>
      </label>
      <label>
        {t('shortcut')}
        <input
          value={form.shortcut}
          onChange={(e) => set('shortcut', e.target.value)}
          aria-invalid={Boolean(shortcutError)}
          spellCheck={false}
          placeholder="/price"
        />
        {shortcutError === 'shortcut_taken' ? (
          <span className="field-error" role="alert">
            {t('shortcutTaken')}
          </span>
        ) : (
          <FieldError message={shortcutError} />
        )}
      </label>
      <label>
        {t('text')}
        <textarea
          ref={textRef}
          rows={4}
          value={form.text}
          onChange={(e) => set('text', e.target.value)}
          aria-invalid={Boolean(errors.text)}
        />
        <FieldError message={errorAt(errors, 'text')} />
      </label>
      <div className="variables">
        <span className="hint">{t('variablesHint')}</span>
        {TEMPLATE_VARIABLES.map((variable) => (
          <button
            key={variable}
            type="button"
            className="chip"
            onClick={() => insertVariable(variable)}
            title={t(`variables.${variable.replace('.', '_')}`)}
          >
            <code>{`{${variable}}`}</code>
          </button>
        ))}
      </div>
      <p className="hint">
        {t.rich('fallbackHint', { example: `{visitor.name|${t('fallbackExample')}}`, code: (chunks) => <code>{chunks}</code> })}
      </p>
      {form.text.trim() && (
        <>
          <p className="template-preview" data-testid="template-preview">
            <span className="hint">{t('preview')}</span> {renderTemplate(form.text, samples)}
          </p>
          <p className="template-preview" data-testid="template-preview-anonymous">
            <span className="hint">{t('previewAnonymous')}</span> {renderTemplate(form.text, { ...samples, visitor: null })}
          </p>
        </>
      )}
      <FormError error={failure} messages={unclaimedErrors(errors, ['shortcut', 'text', 'siteId'])} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? tc('saving') : template ? tc('save') : t('create')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={saving}>
            {tc('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

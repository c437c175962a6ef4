'use client';

import { useTranslations } from 'next-intl';
import { type FieldErrors, errorAt } from '../settings/field-errors';
import { FieldError } from '../settings/form-messages';
import { useIssueText } from '../settings/use-error-text';
import { listFieldErrors, toLines } from './lines';

export type SiteFormValues = { name: string; domains: string; allowedOrigins: string };

export const emptySiteForm: SiteFormValues = { name: '', domains: '', allowedOrigins: '' };

/** The body the contract checks: lists from the textareas. */
export function siteFormBody(values: SiteFormValues) {
  return { name: values.name, domains: toLines(values.domains), allowedOrigins: toLines(values.allowedOrigins) };
}

/** The problems of one list textarea, each on the value it is about. */
function ListErrors({ errors, field, text, id }: { errors: FieldErrors; field: string; text: string; id: string }) {
  const t = useTranslations('sites');
  const issueText = useIssueText();
  const problems = listFieldErrors(errors, field, toLines(text));
  if (problems.length === 0) return null;
  return (
    <span className="field-error list-errors" id={id} role="alert">
      {problems.map((p) => (
        <span key={`${p.value}:${p.message}`}>
          {p.value === null ? issueText(p.message) : t('valueError', { value: p.value, message: issueText(p.message) })}
        </span>
      ))}
    </span>
  );
}

/** Name, domains and allowed origins, with each field's problems under it (create and edit). */
export function SiteFormFields({
  values,
  errors,
  onChange,
  idPrefix,
}: {
  values: SiteFormValues;
  errors: FieldErrors;
  onChange: (values: SiteFormValues) => void;
  idPrefix: string;
}) {
  const t = useTranslations('sites');
  const set = (key: keyof SiteFormValues, value: string) => onChange({ ...values, [key]: value });
  const nameError = errorAt(errors, 'name');
  const hasList = (field: string) => Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`));
  return (
    <>
      <label>
        {t('fields.name')}
        <input
          name="name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={100}
          placeholder={t('namePlaceholder')}
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? `${idPrefix}-name-error` : undefined}
        />
        <FieldError message={nameError} id={`${idPrefix}-name-error`} />
      </label>
      <label>
        {t('fields.domains')}
        <textarea
          name="domains"
          rows={2}
          value={values.domains}
          onChange={(e) => set('domains', e.target.value)}
          placeholder="shop.example.com"
          spellCheck={false}
          aria-invalid={hasList('domains')}
          aria-describedby={hasList('domains') ? `${idPrefix}-domains-error` : undefined}
        />
        <ListErrors errors={errors} field="domains" text={values.domains} id={`${idPrefix}-domains-error`} />
      </label>
      <label>
        {t('fields.allowedOrigins')}
        <textarea
          name="allowedOrigins"
          rows={2}
          value={values.allowedOrigins}
          onChange={(e) => set('allowedOrigins', e.target.value)}
          placeholder="https://shop.example.com"
          spellCheck={false}
          aria-invalid={hasList('allowedOrigins')}
          aria-describedby={hasList('allowedOrigins') ? `${idPrefix}-origins-error` : undefined}
        />
        <ListErrors errors={errors} field="allowedOrigins" text={values.allowedOrigins} id={`${idPrefix}-origins-error`} />
      </label>
    </>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { errorAt, type FieldErrors } from '@/lib/forms/field-errors';
import { FieldError } from '@/lib/forms/form-messages';
import { useIssueText } from '@/lib/forms/use-error-text';
import { listFieldErrors, toLines } from './lines';

export type SiteFormValues = { name: string; domains: string; allowedOrigins: string };

export const emptySiteForm: SiteFormValues = { name: '', domains: '', allowedOrigins: '' };

/** The body the contract checks: lists from the textareas. */
export function siteFormBody(values: SiteFormValues) {
  return { name: values.name, domains: toLines(values.domains), allowedOrigins: toLines(values.allowedOrigins) };
}

type ListKey = 'domains' | 'allowedOrigins';

/** One list textarea (a value per line) with the problems of each value under it. */
function ListField({
  field,
  label,
  placeholder,
  value,
  errors,
  errorId,
  onChange,
}: {
  field: ListKey;
  label: string;
  placeholder: string;
  value: string;
  errors: FieldErrors;
  errorId: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations('sites');
  const issueText = useIssueText();
  const problems = listFieldErrors(errors, field, toLines(value));
  const invalid = Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`));
  return (
    <label>
      {label}
      <textarea
        name={field}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
      />
      {problems.length > 0 && (
        <span className="field-error list-errors" id={errorId} role="alert">
          {problems.map((p) => (
            <span key={`${p.value}:${p.message}`}>
              {p.value === null ? issueText(p.message) : t('valueError', { value: p.value, message: issueText(p.message) })}
            </span>
          ))}
        </span>
      )}
    </label>
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
      <ListField
        field="domains"
        label={t('fields.domains')}
        placeholder="shop.example.com"
        value={values.domains}
        errors={errors}
        errorId={`${idPrefix}-domains-error`}
        onChange={(value) => set('domains', value)}
      />
      <ListField
        field="allowedOrigins"
        label={t('fields.allowedOrigins')}
        placeholder="https://shop.example.com"
        value={values.allowedOrigins}
        errors={errors}
        errorId={`${idPrefix}-origins-error`}
        onChange={(value) => set('allowedOrigins', value)}
      />
    </>
  );
}

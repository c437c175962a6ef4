'use client';

import { useTranslations } from 'next-intl';
import { errorAt, type FieldErrors } from '@/lib/forms/field-errors';
import { FieldError } from '@/lib/forms/form-messages';

/** A new password typed twice (read from the form as `password` and `repeat`). */
export function NewPasswordFields({ errors, label }: { errors: FieldErrors; label: string }) {
  const t = useTranslations('auth');
  return (
    <>
      <label>
        {label}
        <input name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errorAt(errors, 'password'))} required />
        <FieldError message={errorAt(errors, 'password')} />
      </label>
      <label>
        {t('fields.repeatPassword')}
        <input name="repeat" type="password" autoComplete="new-password" aria-invalid={Boolean(errorAt(errors, 'repeat'))} required />
        <FieldError message={errorAt(errors, 'repeat')} />
      </label>
    </>
  );
}

/** The repeated password's problem, if the two differ (the contract knows one password only). */
export function repeatError(form: FormData, differ: string): FieldErrors {
  return form.get('password') === form.get('repeat') ? {} : { repeat: differ };
}

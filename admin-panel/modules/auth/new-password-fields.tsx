'use client';

import { useTranslations } from 'next-intl';

export type PasswordErrors = { password?: string; repeat?: string };

/** A new password typed twice (read from the form as `password` and `repeat`). */
export function NewPasswordFields({ errors, label }: { errors: PasswordErrors; label: string }) {
  const t = useTranslations('auth');
  return (
    <>
      <label>
        {label}
        <input name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.password)} required />
        {errors.password && <span className="field-error">{errors.password}</span>}
      </label>
      <label>
        {t('fields.repeatPassword')}
        <input name="repeat" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.repeat)} required />
        {errors.repeat && <span className="field-error">{errors.repeat}</span>}
      </label>
    </>
  );
}

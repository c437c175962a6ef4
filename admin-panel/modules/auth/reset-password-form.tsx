'use client';

import { passwordResetConfirmBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useErrorText, useIssueText } from '@/lib/forms/use-error-text';
import { NewPasswordFields, type PasswordErrors } from './new-password-fields';

/** Sets a new password with the token of the mailed link (`/reset-password?token=…`). */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations('auth');
  const errorText = useErrorText();
  const issueText = useIssueText();
  const router = useRouter();
  const { apiUrl } = useClientConfig();
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [error, setError] = useState<{ text: string; expired: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const parsed = passwordResetConfirmBodySchema.safeParse({ token, password });
    const next: PasswordErrors = {};
    if (!parsed.success) next.password = issueText(parsed.error.issues.find((i) => i.path[0] === 'password')?.message ?? '');
    if (password !== form.get('repeat')) next.repeat = t('passwordsDiffer');
    setErrors(next);
    if (!parsed.success || next.repeat) return;
    setPending(true);
    setError(null);
    try {
      await apiFetch(apiUrl, '/auth/password-reset/confirm', { body: parsed.data });
      router.replace('/login?reset=1');
    } catch (e) {
      setError({ text: errorText(e), expired: e instanceof ApiError && e.body.code === 'invalid_reset_token' });
      setPending(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('reset.title')}</h1>
        {!token ? (
          <p role="alert" className="error">
            {t('reset.noToken')}
          </p>
        ) : (
          <>
            <p className="muted">{t('reset.intro')}</p>
            <NewPasswordFields errors={errors} label={t('fields.choosePassword')} />
            {error && (
              <p role="alert" className="error">
                {error.text}
              </p>
            )}
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('reset.submitting') : t('reset.submit')}
            </button>
          </>
        )}
        <p className="muted">
          {(!token || error?.expired) && (
            <>
              <Link href="/forgot-password">{t('reset.askAgain')}</Link> ·{' '}
            </>
          )}
          <Link href="/login">{t('backToLogin')}</Link>
        </p>
      </form>
    </div>
  );
}

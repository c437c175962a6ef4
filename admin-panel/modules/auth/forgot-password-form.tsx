'use client';

import { passwordResetRequestBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useErrorText } from '@/lib/forms/use-error-text';
import { useMailConfigured } from './use-mail-status';

/**
 * Asks the API to mail a reset link. The answer is the same whether an account exists or not.
 * When the API sends no mail, no link could reach anyone: the page says to ask the owner instead.
 */
export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const errorText = useErrorText();
  const { apiUrl } = useClientConfig();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const mailConfigured = useMailConfigured();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = passwordResetRequestBodySchema.safeParse({ email: new FormData(event.currentTarget).get('email') });
    if (!parsed.success) {
      setError(t('forgot.invalidEmail'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch(apiUrl, '/auth/password-reset', { body: parsed.data });
      setSentTo(parsed.data.email);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('forgot.title')}</h1>
        {mailConfigured === false ? (
          <div className="notice" role="status" data-testid="reset-ask-owner">
            <strong>{t('forgot.noMailTitle')}</strong>
            <p>{t('forgot.noMail')}</p>
          </div>
        ) : sentTo ? (
          <p className="notice" data-testid="reset-requested">
            {t('forgot.sent', { email: sentTo })}
          </p>
        ) : (
          <>
            <p className="muted">{t('forgot.intro')}</p>
            <label>
              {t('fields.email')}
              <input name="email" type="email" autoComplete="email" required />
            </label>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('forgot.submitting') : t('forgot.submit')}
            </button>
          </>
        )}
        <p className="muted">
          <Link href="/login">{t('backToLogin')}</Link>
        </p>
      </form>
    </div>
  );
}

'use client';

import { passwordResetRequestBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { usePublicApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { AuthHeader } from '@/modules/auth/auth-header';
import { useMailConfigured } from './use-mail-status';

/**
 * Asks the API to mail a reset link. The answer is the same whether an account exists or not.
 * When the API sends no mail, no link could reach anyone: the page says to ask the owner instead.
 */
export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const api = usePublicApi();
  const { errors, failure, saving, submit } = useContractSubmit();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mailConfigured = useMailConfigured();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = new FormData(event.currentTarget).get('email');
    const sent = await submit(passwordResetRequestBodySchema, { email }, async (body) => {
      await api('/auth/password-reset', { body });
      return body.email;
    });
    if (sent) setSentTo(sent);
  }

  return (
    <div className="auth-page">
      <AuthHeader />
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
              <input name="email" type="email" autoComplete="email" aria-invalid={Boolean(errorAt(errors, 'email'))} required />
              <FieldError message={errorAt(errors, 'email')} />
            </label>
            <FormError error={failure} messages={unclaimedErrors(errors, ['email'])} />
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('forgot.submitting') : t('forgot.submit')}
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

'use client';

import { passwordResetConfirmBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { usePublicApi } from '@/lib/api/use-api';
import { unclaimedErrors } from '@/lib/forms/field-errors';
import { FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { AuthHeader } from '@/modules/auth/auth-header';
import { NewPasswordFields, repeatError } from './new-password-fields';

/** Sets a new password with the token of the mailed link (`/reset-password?token=…`). */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const api = usePublicApi();
  const { errors, failure, saving, submit } = useContractSubmit();
  const expired = failure instanceof ApiError && failure.body.code === 'invalid_reset_token';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await submit(
      passwordResetConfirmBodySchema,
      { token, password: String(form.get('password') ?? '') },
      async (body) => {
        await api('/auth/password-reset/confirm', { body });
        return true;
      },
      { also: repeatError(form, t('passwordsDiffer')) },
    );
    if (done) router.replace('/login?reset=1');
  }

  return (
    <div className="auth-page">
      <AuthHeader />
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
            <FormError error={failure} messages={unclaimedErrors(errors, ['password', 'repeat'])} />
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('reset.submitting') : t('reset.submit')}
            </button>
          </>
        )}
        <p className="muted">
          {(!token || expired) && (
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

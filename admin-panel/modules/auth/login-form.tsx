'use client';

import { loginBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { useClientConfig } from '@/lib/client-config';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { AuthHeader } from '@/modules/auth/auth-header';

/** next-auth refused the credentials; `reason` is its error (the API's code, e.g. `rate_limited`). */
class SignInRefused extends Error {
  constructor(readonly reason: string | undefined) {
    super(`sign-in refused: ${reason ?? 'no answer'}`);
  }
}

/** `notice`: why the visitor landed here (e.g. after a password reset), shown above the form. */
export function LoginForm({ notice }: { notice?: 'passwordReset' | 'accountCreated' | null }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const { googleSignIn } = useClientConfig();
  const { errors, failure, saving, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const signedIn = await submit(
      loginBodySchema,
      { email: form.get('email'), password: form.get('password') },
      async (body) => {
        const result = await signIn('credentials', { ...body, redirect: false });
        if (!result || result.error) throw new SignInRefused(result?.error ?? undefined);
        return true;
      },
      {
        // The form's own problem ('' path): which words depend on why next-auth said no.
        claim: (error) =>
          error instanceof SignInRefused ? { '': error.reason === 'rate_limited' ? t('login.rateLimited') : t('login.incorrect') } : false,
      },
    );
    if (!signedIn) return;
    router.replace('/inbox');
    router.refresh();
  }

  return (
    <div className="auth-page">
      <AuthHeader />
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('login.title')}</h1>
        {notice && (
          <p className="notice" data-testid="login-notice" role="status">
            {notice === 'passwordReset' ? t('login.passwordChanged') : t('login.accountCreated')}
          </p>
        )}
        <label>
          {t('fields.email')}
          <input name="email" type="email" autoComplete="email" aria-invalid={Boolean(errorAt(errors, 'email'))} required />
          <FieldError message={errorAt(errors, 'email')} />
        </label>
        <label>
          {t('fields.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={Boolean(errorAt(errors, 'password'))}
            required
          />
          <FieldError message={errorAt(errors, 'password')} />
        </label>
        <FormError error={failure} messages={unclaimedErrors(errors, ['email', 'password'])} />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('login.submitting') : t('login.submit')}
        </button>
        {googleSignIn && (
          <button type="button" onClick={() => signIn('google', { callbackUrl: '/inbox' })}>
            {t('login.google')}
          </button>
        )}
        <p className="muted auth-links">
          <Link href="/forgot-password">{t('login.forgot')}</Link>
        </p>
        <p className="muted">
          {t('login.newHere')} <Link href="/register">{t('login.createAccount')}</Link>
        </p>
      </form>
    </div>
  );
}

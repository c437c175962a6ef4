'use client';

import { loginBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { useClientConfig } from '@/lib/client-config';

/** `notice`: why the visitor landed here (e.g. after a password reset), shown above the form. */
export function LoginForm({ notice }: { notice?: 'passwordReset' | 'accountCreated' | null }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const { googleSignIn } = useClientConfig();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginBodySchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setError(t('login.missing'));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error === 'rate_limited' ? t('login.rateLimited') : t('login.incorrect'));
      return;
    }
    router.replace('/inbox');
    router.refresh();
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('login.title')}</h1>
        {notice && (
          <p className="notice" data-testid="login-notice" role="status">
            {notice === 'passwordReset' ? t('login.passwordChanged') : t('login.accountCreated')}
          </p>
        )}
        <label>
          {t('fields.email')}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t('fields.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
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

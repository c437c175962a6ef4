'use client';

import { registerBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { usePublicApi } from '@/lib/api/use-api';
import { errorAt, unclaimedErrors } from '@/lib/forms/field-errors';
import { FieldError, FormError } from '@/lib/forms/form-messages';
import { useContractSubmit } from '@/lib/forms/use-contract-submit';
import { AuthHeader } from '@/modules/auth/auth-header';

const FIELDS = ['name', 'organizationName', 'email', 'password'] as const;

/** A new organization and its owner; signed in right away, then on to creating a site. */
export function RegisterForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const api = usePublicApi();
  const { errors, failure, saving, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const registered = await submit(registerBodySchema, Object.fromEntries(new FormData(event.currentTarget)), async (body) => {
      await api('/auth/register', { body });
      const result = await signIn('credentials', { email: body.email, password: body.password, redirect: false });
      return { signedIn: Boolean(result && !result.error) };
    });
    if (!registered) return;
    // The account exists either way; should signing in fail, the sign-in page is the way on.
    router.replace(registered.signedIn ? '/sites' : '/login');
    if (registered.signedIn) router.refresh();
  }

  const field = (name: (typeof FIELDS)[number], label: string, type = 'text', autoComplete?: string) => (
    <label>
      {label}
      <input name={name} type={type} autoComplete={autoComplete} aria-invalid={Boolean(errorAt(errors, name))} required />
      <FieldError message={errorAt(errors, name)} />
    </label>
  );

  return (
    <div className="auth-page">
      <AuthHeader />
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('register.title')}</h1>
        {field('name', t('fields.name'), 'text', 'name')}
        {field('organizationName', t('fields.company'), 'text', 'organization')}
        {field('email', t('fields.workEmail'), 'email', 'email')}
        {field('password', t('fields.newPassword'), 'password', 'new-password')}
        <FormError error={failure} messages={unclaimedErrors(errors, FIELDS)} />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('register.submitting') : t('register.submit')}
        </button>
        <p className="muted">
          {t('register.haveAccount')} <Link href="/login">{t('register.signIn')}</Link>
        </p>
      </form>
    </div>
  );
}

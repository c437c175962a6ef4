'use client';

import { type AuthResponse, acceptInvitationBodySchema } from '@chatiq/contracts';
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
import { NewPasswordFields, repeatError } from './new-password-fields';

/** Joins the team from a mailed invitation (`/accept-invite?token=…`): name and password, then signed in. */
export function AcceptInvitationForm({ token }: { token: string | null }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const api = usePublicApi();
  const { errors, failure, saving, submit } = useContractSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const joined = await submit(
      acceptInvitationBodySchema,
      { token, name: form.get('name'), password: String(form.get('password') ?? '') },
      async (body) => {
        const auth = await api<AuthResponse>('/team/invitations/accept', { body });
        // The account exists now: if signing in fails (a refused or dropped request), the login
        // page says so, and the invitation link (used up) is not offered again.
        const result = await signIn('credentials', { email: auth.user.email, password: body.password, redirect: false }).catch(() => null);
        return { signedIn: Boolean(result && !result.error) };
      },
      { also: repeatError(form, t('passwordsDiffer')) },
    );
    if (!joined) return;
    router.replace(joined.signedIn ? '/inbox' : '/login?created=1');
    if (joined.signedIn) router.refresh();
  }

  return (
    <div className="auth-page">
      <AuthHeader />
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('invite.title')}</h1>
        {!token ? (
          <p role="alert" className="error">
            {t('invite.noToken')}
          </p>
        ) : (
          <>
            <p className="muted">{t('invite.intro')}</p>
            <label>
              {t('fields.name')}
              <input name="name" autoComplete="name" aria-invalid={Boolean(errorAt(errors, 'name'))} required />
              <FieldError message={errorAt(errors, 'name')} />
            </label>
            <NewPasswordFields errors={errors} label={t('fields.newPassword')} />
            <FormError error={failure} messages={unclaimedErrors(errors, ['name', 'password', 'repeat'])} />
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('invite.submitting') : t('invite.submit')}
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

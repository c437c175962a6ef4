'use client';

import { acceptInvitationBodySchema, type AuthResponse } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useErrorText, useIssueText } from '@/modules/settings/use-error-text';
import { NewPasswordFields, type PasswordErrors } from './new-password-fields';

/** Joins the team from a mailed invitation (`/accept-invite?token=…`): name and password, then signed in. */
export function AcceptInvitationForm({ token }: { token: string | null }) {
  const t = useTranslations('auth');
  const errorText = useErrorText();
  const issueText = useIssueText();
  const router = useRouter();
  const { apiUrl } = useClientConfig();
  const [errors, setErrors] = useState<PasswordErrors & { name?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const parsed = acceptInvitationBodySchema.safeParse({ token, name: form.get('name'), password });
    const next: PasswordErrors & { name?: string } = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'name' || field === 'password') next[field] ??= issueText(issue.message);
      }
    }
    if (password !== form.get('repeat')) next.repeat = t('passwordsDiffer');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    setPending(true);
    setError(null);
    let auth: AuthResponse;
    try {
      auth = await apiFetch<AuthResponse>(apiUrl, '/team/invitations/accept', { body: parsed.data });
    } catch (e) {
      setError(errorText(e));
      setPending(false);
      return;
    }
    // The account exists now: if signing in fails (a refused or dropped request), the login page
    // says so, and the invitation link (used up) is not offered again.
    if (await signedIn(auth.user.email, password)) {
      router.replace('/inbox');
      router.refresh();
    } else {
      router.replace('/login?created=1');
    }
  }

  return (
    <div className="auth-page">
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
              <input name="name" autoComplete="name" aria-invalid={Boolean(errors.name)} required />
              {errors.name && <span className="field-error">{errors.name}</span>}
            </label>
            <NewPasswordFields errors={errors} label={t('fields.newPassword')} />
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('invite.submitting') : t('invite.submit')}
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

async function signedIn(email: string, password: string): Promise<boolean> {
  try {
    const result = await signIn('credentials', { email, password, redirect: false });
    return Boolean(result && !result.error);
  } catch {
    return false;
  }
}

'use client';

import { registerBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useIssueText } from '@/lib/forms/use-error-text';

type FieldErrors = Partial<Record<'email' | 'password' | 'name' | 'organizationName', string>>;

export function RegisterForm() {
  const t = useTranslations('auth');
  const issueText = useIssueText();
  const router = useRouter();
  const { apiUrl } = useClientConfig();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = registerBodySchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof FieldErrors] ??= issueText(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    try {
      await apiFetch(apiUrl, '/auth/register', { body: parsed.data });
      const result = await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (!result || result.error) throw new Error('sign-in failed');
      router.replace('/sites');
      router.refresh();
    } catch (error) {
      setFormError(error instanceof ApiError && error.body.code === 'email_taken' ? t('register.emailTaken') : t('register.failed'));
    } finally {
      setPending(false);
    }
  }

  const field = (name: keyof FieldErrors, label: string, type = 'text', autoComplete?: string) => (
    <label>
      {label}
      <input name={name} type={type} autoComplete={autoComplete} aria-invalid={Boolean(errors[name])} required />
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </label>
  );

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>{t('register.title')}</h1>
        {field('name', t('fields.name'), 'text', 'name')}
        {field('organizationName', t('fields.company'), 'text', 'organization')}
        {field('email', t('fields.workEmail'), 'email', 'email')}
        {field('password', t('fields.newPassword'), 'password', 'new-password')}
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('register.submitting') : t('register.submit')}
        </button>
        <p className="muted">
          {t('register.haveAccount')} <Link href="/login">{t('register.signIn')}</Link>
        </p>
      </form>
    </div>
  );
}

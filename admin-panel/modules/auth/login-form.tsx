'use client';

import { loginBodySchema } from '@chatiq/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginBodySchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error === 'rate_limited' ? 'Too many attempts. Try again later.' : 'Email or password is incorrect.');
      return;
    }
    router.replace('/inbox');
    router.refresh();
  }

  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} noValidate>
        <h1>Sign in to ChatIQ</h1>
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          New to ChatIQ? <Link href="/register">Create an account</Link>
        </p>
      </form>
    </div>
  );
}

import { pageTitle } from '@/i18n/page-title';
import { LoginForm } from '@/modules/auth/login-form';

export const generateMetadata = pageTitle('auth', 'titles.login');

/** `?reset=1`: arrived here from a password reset. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reset?: string | string[] }> }) {
  const { reset } = await searchParams;
  return <LoginForm notice={reset === '1' ? 'passwordReset' : null} />;
}

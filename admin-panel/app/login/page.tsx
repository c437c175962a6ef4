import { pageTitle } from '@/i18n/page-title';
import { LoginForm } from '@/modules/auth/login-form';

export const generateMetadata = pageTitle('auth', 'titles.login');

/** `?reset=1`: arrived here from a password reset; `?created=1`: from an accepted invitation whose automatic sign-in failed. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ reset?: string | string[]; created?: string | string[] }>;
}) {
  const { reset, created } = await searchParams;
  return <LoginForm notice={reset === '1' ? 'passwordReset' : created === '1' ? 'accountCreated' : null} />;
}

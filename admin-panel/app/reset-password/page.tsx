import { pageTitle } from '@/i18n/page-title';
import { ResetPasswordForm } from '@/modules/auth/reset-password-form';

export const generateMetadata = pageTitle('auth', 'titles.reset');

/** The link the API mails for a password reset: `${ADMIN_URL}/reset-password?token=…`. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <ResetPasswordForm token={typeof token === 'string' && token ? token : null} />;
}

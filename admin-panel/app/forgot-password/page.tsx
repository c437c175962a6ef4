import { pageTitle } from '@/i18n/page-title';
import { ForgotPasswordForm } from '@/modules/auth/forgot-password-form';

export const generateMetadata = pageTitle('auth', 'titles.forgot');

export default function ForgotPasswordPage() {
  return <ForgotPasswordForm />;
}

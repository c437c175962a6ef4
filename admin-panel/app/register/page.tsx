import { pageTitle } from '@/i18n/page-title';
import { RegisterForm } from '@/modules/auth/register-form';

export const generateMetadata = pageTitle('auth', 'titles.register');

export default function RegisterPage() {
  return <RegisterForm />;
}

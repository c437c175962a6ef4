import { LoginForm } from '@/modules/auth/login-form';

export const metadata = { title: 'Sign in · ChatIQ' };

export default function LoginPage() {
  return <LoginForm />;
}

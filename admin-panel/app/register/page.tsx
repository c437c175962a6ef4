import { RegisterForm } from '@/modules/auth/register-form';

export const metadata = { title: 'Create your account · ChatIQ' };

export default function RegisterPage() {
  return <RegisterForm />;
}

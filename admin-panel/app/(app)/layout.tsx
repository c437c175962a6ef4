import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { authOptions } from '@/lib/auth-options';
import { AppShell } from '@/modules/shell/app-shell';

/** Every page in this group needs a signed-in operator. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session) redirect('/login');
  return <AppShell operator={session.operator}>{children}</AppShell>;
}

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import type { ReactNode } from 'react';
import { authOptions } from '@/lib/auth-options';
import { AppShell } from '@/modules/shell/app-shell';
import { THEME_COOKIE, themeFrom } from '@/modules/shell/theme';

/** Every page in this group needs a signed-in operator. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session) redirect('/login');
  const theme = themeFrom((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell operator={session.operator} theme={theme}>
      {children}
    </AppShell>
  );
}

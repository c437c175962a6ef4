import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { type ReactNode, Suspense } from 'react';
import { authOptions } from '@/lib/auth-options';
import { canManageSettings } from '@/modules/settings/settings-access';
import { SettingsShell } from '@/modules/settings/settings-shell';

/** Settings are for owners and admins (the API refuses operators anyway). */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session || !canManageSettings(session.operator.role)) redirect('/inbox');
  return (
    <Suspense>
      <SettingsShell>{children}</SettingsShell>
    </Suspense>
  );
}

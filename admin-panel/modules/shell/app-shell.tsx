'use client';

import type { UserDto } from '@chatiq/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import type { ReactNode } from 'react';
import { apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';

const NAV = [
  { href: '/inbox', label: 'Inbox' },
  { href: '/visitors', label: 'Live visitors' },
  { href: '/sites', label: 'Sites' },
];

export function AppShell({ operator, children }: { operator: UserDto; children: ReactNode }) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  // End the API session too (the token stops working at once), then next-auth's.
  const endSession = async () => {
    await apiFetch(apiUrl, '/auth/logout', { token, method: 'POST' }).catch(() => {});
    await signOut({ callbackUrl: '/login' });
  };
  const pathname = usePathname();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">ChatIQ</span>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className={pathname.startsWith(item.href) ? 'active' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <span className="operator">
          {operator.name} · {operator.organizationName}
        </span>
        <button type="button" className="link-button" onClick={endSession}>
          Sign out
        </button>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}

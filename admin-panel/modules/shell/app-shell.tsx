'use client';

import type { UserDto } from '@chatiq/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useApi } from '@/lib/api/use-api';
import { canManageSettings } from '@/modules/settings/settings-access';
import { LanguageSwitcher } from './language-switcher';
import { MailBanner } from './mail-banner';
import type { Theme } from './theme';
import { ThemeSwitcher } from './theme-switcher';
import { TimeZoneSync } from './time-zone-sync';

/** Main navigation: `label` is a key of the `shell.nav` messages; `settings` only for OWNER/ADMIN. */
const NAV = [
  { href: '/inbox', label: 'inbox' },
  { href: '/visitors', label: 'visitors' },
  { href: '/sites', label: 'sites' },
  { href: '/settings', label: 'settings' },
  { href: '/analytics', label: 'analytics' },
] as const;

export function AppShell({ operator, theme, children }: { operator: UserDto; theme: Theme; children: ReactNode }) {
  const api = useApi();
  // End the API session too (the token stops working at once), then next-auth's.
  const endSession = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => {});
    await signOut({ callbackUrl: '/login' });
  };
  const pathname = usePathname();
  const t = useTranslations('shell');
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">ChatIQ</span>
        <nav aria-label={t('nav.label')}>
          {NAV.filter((item) => item.label !== 'settings' || canManageSettings(operator.role)).map((item) => (
            <Link key={item.href} href={item.href} className={pathname.startsWith(item.href) ? 'active' : undefined}>
              {t(`nav.${item.label}`)}
            </Link>
          ))}
        </nav>
        <span className="operator">
          {operator.name} · {operator.organizationName}
        </span>
        <LanguageSwitcher />
        <ThemeSwitcher initial={theme} />
        <button type="button" className="link-button" onClick={endSession}>
          {t('signOut')}
        </button>
      </header>
      {canManageSettings(operator.role) && <MailBanner />}
      <main className="content">{children}</main>
      <TimeZoneSync />
    </div>
  );
}

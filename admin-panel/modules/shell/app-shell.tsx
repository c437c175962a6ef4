'use client';

import type { UserDto } from '@chatiq/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { CommandCenter, type Destination } from '@/modules/commands/command-center';
import { CommandsProvider } from '@/modules/commands/command-registry';
import { canManageSettings, SETTINGS_TABS } from '@/modules/settings/settings-access';
import { Avatar } from '@/modules/ui/avatar';
import { Logo } from '@/modules/ui/logo';
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

/**
 * The frame of every signed-in page: the top bar (on a phone, a menu button that opens the
 * navigation and the account's controls), the mail banner, the page, and the command palette and
 * keyboard shortcuts.
 */
export function AppShell({ operator, theme, children }: { operator: UserDto; theme: Theme; children: ReactNode }) {
  const api = useApi();
  // End the API session too (the token stops working at once), then next-auth's.
  const endSession = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => {});
    await signOut({ callbackUrl: '/login' });
  };
  const pathname = usePathname();
  const t = useTranslations('shell');
  const tSettings = useTranslations('settings');
  const [menuOpen, setMenuOpen] = useState(false);
  // A page chosen from the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => setMenuOpen(false), [pathname]);
  const settings = canManageSettings(operator.role);
  const nav = NAV.filter((item) => item.label !== 'settings' || settings);
  const destinations: Destination[] = [
    ...nav.filter((item) => item.label !== 'settings').map((item) => ({ href: item.href, label: t(`nav.${item.label}`) })),
    ...(settings
      ? SETTINGS_TABS.map((tab) => ({
          href: `/settings/${tab.segment}`,
          label: t('settingsTab', { tab: tSettings(`tabs.${tab.segment}`) }),
        }))
      : []),
    { href: '/profile', label: t('profile') },
  ];
  return (
    <CommandsProvider>
      <div className="shell">
        <header className="topbar" data-menu-open={menuOpen || undefined}>
          <span className="brand">
            <Logo />
          </span>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="topbar-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">☰</span> {t('menu')}
          </button>
          <div className="topbar-menu" id="topbar-menu">
            <nav aria-label={t('nav.label')}>
              {nav.map((item) => (
                <Link key={item.href} href={item.href} className={pathname.startsWith(item.href) ? 'active' : undefined}>
                  {t(`nav.${item.label}`)}
                </Link>
              ))}
            </nav>
            <Link
              href="/profile"
              className={`operator-link${pathname.startsWith('/profile') ? ' active' : ''}`}
              title={t('profile')}
              data-testid="profile-link"
            >
              <Avatar name={operator.name} url={operator.avatarUrl} />
              <span className="operator">
                {operator.name} · {operator.organizationName}
              </span>
            </Link>
            <LanguageSwitcher />
            <ThemeSwitcher initial={theme} />
            <button type="button" className="link-button" onClick={endSession}>
              {t('signOut')}
            </button>
          </div>
        </header>
        {settings && <MailBanner />}
        <main className="content">{children}</main>
        <TimeZoneSync />
        <CommandCenter destinations={destinations} />
      </div>
    </CommandsProvider>
  );
}

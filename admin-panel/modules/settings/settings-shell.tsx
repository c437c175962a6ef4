'use client';

import type { SiteDto } from '@chatiq/contracts';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useResource } from '@/lib/api/use-resource';
import { FormError } from '@/lib/forms/form-messages';
import { SelectedSiteContext } from './selected-site';
import { SETTINGS_TABS, tabOfPath } from './settings-access';

/** The settings area: tabs, the site picker of the per-site tabs, and the chosen site for the tab. */
export function SettingsShell({ children }: { children: ReactNode }) {
  const t = useTranslations('settings');
  const pathname = usePathname();
  const router = useRouter();
  const params = useSearchParams();
  const sites = useResource<SiteDto[]>('/sites');
  const tab = tabOfPath(pathname);
  const requested = params.get('site');
  const site = sites.data?.find((s) => s.id === requested) ?? sites.data?.[0] ?? null;
  const query = site ? `?site=${encodeURIComponent(site.id)}` : '';

  let content: ReactNode = children;
  if (tab?.perSite) {
    if (sites.error) content = <FormError error={sites.error} />;
    else if (!sites.data) content = <p className="muted">{t('loading')}</p>;
    else if (!site)
      content = (
        <section className="card empty-state">
          <p>{t('noSites')}</p>
          <Link href="/sites">{t('createSite')}</Link>
        </section>
      );
  }

  return (
    <div className="page settings-page">
      <h1>{t('title')}</h1>
      <nav className="settings-tabs" aria-label={t('tabsLabel')}>
        {SETTINGS_TABS.map((item) => (
          <Link
            key={item.segment}
            href={`/settings/${item.segment}${item.perSite ? query : ''}`}
            className={tab?.segment === item.segment ? 'active' : undefined}
            aria-current={tab?.segment === item.segment ? 'page' : undefined}
          >
            {t(`tabs.${item.segment}`)}
          </Link>
        ))}
      </nav>
      {tab?.perSite && sites.data && site && sites.data.length > 0 && (
        <label className="site-picker">
          {t('site')}
          <select value={site.id} onChange={(event) => router.replace(`${pathname}?site=${encodeURIComponent(event.target.value)}`)}>
            {sites.data.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <SelectedSiteContext.Provider value={site}>
        <div key={tab?.perSite ? site?.id : 'all'}>{content}</div>
      </SelectedSiteContext.Provider>
    </div>
  );
}

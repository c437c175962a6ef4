import type { Role } from '@chatiq/contracts';

/** Who sees the settings (the API's `settings.manage` permission: OWNER, ADMIN). */
export function canManageSettings(role: Role): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** The settings tabs, in order (the first is where /settings opens): the URL segment under /settings and whether it needs a site. */
export const SETTINGS_TABS = [
  { segment: 'widget', perSite: true },
  { segment: 'welcome', perSite: true },
  { segment: 'business-hours', perSite: true },
  { segment: 'auto-replies', perSite: true },
  { segment: 'templates', perSite: true },
  { segment: 'ai', perSite: true },
  { segment: 'team', perSite: false },
] as const;

/** The tab a path shows (/settings/ai → ai), or null. */
export function tabOfPath(pathname: string): (typeof SETTINGS_TABS)[number] | null {
  const segment = pathname.split('/')[2];
  return SETTINGS_TABS.find((tab) => tab.segment === segment) ?? null;
}

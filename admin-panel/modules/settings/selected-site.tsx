'use client';

import type { SiteDto } from '@chatiq/contracts';
import { createContext, useContext } from 'react';

export const SelectedSiteContext = createContext<{ site: SiteDto | null; sites: SiteDto[] }>({ site: null, sites: [] });

/** The site the settings page edits (chosen with the site picker); per-site tabs always have one. */
export function useSelectedSite(): SiteDto {
  const { site } = useContext(SelectedSiteContext);
  if (!site) throw new Error('useSelectedSite outside a per-site settings tab');
  return site;
}

/** Every site of the organization (for pickers inside the tabs). */
export function useAllSites(): SiteDto[] {
  return useContext(SelectedSiteContext).sites;
}

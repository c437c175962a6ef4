'use client';

import type { SiteDto } from '@chatiq/contracts';
import { createContext, useContext } from 'react';

export const SelectedSiteContext = createContext<SiteDto | null>(null);

/** The site the settings page edits (chosen with the site picker); per-site tabs always have one. */
export function useSelectedSite(): SiteDto {
  const site = useContext(SelectedSiteContext);
  if (!site) throw new Error('useSelectedSite outside a per-site settings tab');
  return site;
}

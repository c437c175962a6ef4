'use client';

import type { SiteDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';

/** Site id → name, to show live visitors' sites by name (ids until loaded, or if it fails). */
export function useSiteNames(): Map<string, string> {
  const api = useApi();
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    api<SiteDto[]>('/sites')
      .then((sites) => setNames(new Map(sites.map((s) => [s.id, s.name]))))
      .catch(() => {});
  }, [api]);
  return names;
}

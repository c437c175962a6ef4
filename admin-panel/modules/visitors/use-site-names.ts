'use client';

import type { SiteDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';

/** Site id → name, to show live visitors' sites by name (ids until loaded, or if it fails). */
export function useSiteNames(): Map<string, string> {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    apiFetch<SiteDto[]>(apiUrl, '/sites', { token })
      .then((sites) => setNames(new Map(sites.map((s) => [s.id, s.name]))))
      .catch(() => {});
  }, [apiUrl, token]);
  return names;
}

'use client';

import type { AnalyticsDto, SiteDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';
import type { DateRange } from './analytics-range';

type State = { data: AnalyticsDto | null; loading: boolean; error: string | null };

/** `GET /analytics` for a range, zone and optional site; reloads when any of them changes. */
export function useAnalytics(range: DateRange, timezone: string, siteId: string | null): State {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [state, setState] = useState<State>({ data: null, loading: true, error: null });

  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    const query = new URLSearchParams({ from: range.from, to: range.to, timezone, ...(siteId ? { siteId } : {}) });
    apiFetch<AnalyticsDto>(apiUrl, `/analytics?${query}`, { token })
      .then((data) => !cancelled && setState({ data, loading: false, error: null }))
      .catch((error: unknown) => {
        if (!cancelled) setState({ data: null, loading: false, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [apiUrl, token, range.from, range.to, timezone, siteId]);

  return state;
}

/** The sites the caller may see, for the site filter. */
export function useSites(): SiteDto[] {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [sites, setSites] = useState<SiteDto[]>([]);
  useEffect(() => {
    apiFetch<SiteDto[]>(apiUrl, '/sites', { token })
      .then(setSites)
      .catch(() => setSites([]));
  }, [apiUrl, token]);
  return sites;
}

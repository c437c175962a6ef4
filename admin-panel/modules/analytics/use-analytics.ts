'use client';

import type { AnalyticsDto, SiteDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import type { DateRange } from './analytics-range';

type State = { data: AnalyticsDto | null; loading: boolean; error: string | null };

/** `GET /analytics` for a range, zone and optional site; reloads when any of them changes. */
export function useAnalytics(range: DateRange, timezone: string, siteId: string | null): State {
  const api = useApi();
  const [state, setState] = useState<State>({ data: null, loading: true, error: null });

  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    const query = new URLSearchParams({ from: range.from, to: range.to, timezone, ...(siteId ? { siteId } : {}) });
    api<AnalyticsDto>(`/analytics?${query}`)
      .then((data) => !cancelled && setState({ data, loading: false, error: null }))
      .catch((error: unknown) => {
        if (!cancelled) setState({ data: null, loading: false, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [api, range.from, range.to, timezone, siteId]);

  return state;
}

/** The sites the caller may see, for the site filter. */
export function useSites(): SiteDto[] {
  const api = useApi();
  const [sites, setSites] = useState<SiteDto[]>([]);
  useEffect(() => {
    api<SiteDto[]>('/sites')
      .then(setSites)
      .catch(() => setSites([]));
  }, [api]);
  return sites;
}

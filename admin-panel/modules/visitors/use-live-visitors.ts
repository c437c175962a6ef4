'use client';

import type { LiveVisitorDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';

const POLL_MS = 5000;

/** Visitors with the widget open now (`GET /live-visitors`), polled every few seconds; `error` is a `visitors` message key. */
export function useLiveVisitors() {
  const api = useApi();
  const [visitors, setVisitors] = useState<LiveVisitorDto[] | null>(null);
  const [error, setError] = useState<'loadFailed' | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      api<LiveVisitorDto[]>('/live-visitors')
        .then((list) => {
          if (cancelled) return;
          setVisitors(list);
          setError(null);
        })
        .catch(() => {
          if (!cancelled) setError('loadFailed');
        });
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [api]);

  return { visitors, error };
}

'use client';

import type { MailStatusDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';

/**
 * Whether the API sends mail (`GET /auth/mail-status`, public): `true`, `false`, or `null` while
 * unknown (loading, or the API could not be asked: then the pages behave as if mail worked).
 */
export function useMailConfigured(): boolean | null {
  const { apiUrl } = useClientConfig();
  const [configured, setConfigured] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    apiFetch<MailStatusDto>(apiUrl, '/auth/mail-status')
      .then((status) => {
        if (live) setConfigured(status.configured);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [apiUrl]);
  return configured;
}

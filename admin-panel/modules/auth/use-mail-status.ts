'use client';

import type { MailStatusDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { usePublicApi } from '@/lib/api/use-api';

/**
 * Whether the API sends mail (`GET /auth/mail-status`, public): `true`, `false`, or `null` while
 * unknown (loading, or the API could not be asked: then the pages behave as if mail worked).
 */
export function useMailConfigured(): boolean | null {
  const api = usePublicApi();
  const [configured, setConfigured] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    api<MailStatusDto>('/auth/mail-status')
      .then((status) => {
        if (live) setConfigured(status.configured);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [api]);
  return configured;
}

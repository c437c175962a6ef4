'use client';

import type { AiSettingsDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useOperator } from '@/modules/auth/use-operator';

/**
 * Whether the site's AI assistant is on: true/false for owners and admins (who may read the AI
 * settings), null when unknown (operators; the API then decides and says so).
 */
export function useSiteAi(siteId: string): boolean | null {
  const api = useApi();
  const { role } = useOperator();
  const [enabled, setEnabled] = useState<boolean | null>(null);

  useEffect(() => {
    setEnabled(null);
    if (role === 'OPERATOR') return;
    let cancelled = false;
    api<AiSettingsDto>(`/sites/${encodeURIComponent(siteId)}/ai`)
      .then((settings) => {
        if (!cancelled) setEnabled(settings.enabled && settings.apiKeyLast4 !== null);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api, siteId, role]);

  return enabled;
}

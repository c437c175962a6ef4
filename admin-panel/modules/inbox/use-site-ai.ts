'use client';

import type { AiSettingsDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useOperator } from '@/modules/auth/use-operator';

/**
 * Whether the site's AI assistant is on: true/false for owners and admins (who may read the AI
 * settings), null when unknown (operators; the API then decides and says so).
 */
export function useSiteAi(siteId: string): boolean | null {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const { role } = useOperator();
  const [enabled, setEnabled] = useState<boolean | null>(null);

  useEffect(() => {
    setEnabled(null);
    if (role === 'OPERATOR') return;
    let cancelled = false;
    apiFetch<AiSettingsDto>(apiUrl, `/sites/${encodeURIComponent(siteId)}/ai`, { token })
      .then((settings) => {
        if (!cancelled) setEnabled(settings.enabled && settings.apiKeyLast4 !== null);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [apiUrl, token, siteId, role]);

  return enabled;
}

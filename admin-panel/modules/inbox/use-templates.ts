'use client';

import type { QuickTemplateDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';
import { siteTemplatesFirst } from './quick-templates';

/** The quick templates usable in a chat of `siteId`: the site's, then the organization-wide ones. */
export function useTemplates(siteId: string): { templates: QuickTemplateDto[]; failed: boolean } {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [state, setState] = useState<{ templates: QuickTemplateDto[]; failed: boolean }>({ templates: [], failed: false });

  useEffect(() => {
    let cancelled = false;
    apiFetch<QuickTemplateDto[]>(apiUrl, `/templates?siteId=${encodeURIComponent(siteId)}`, { token })
      .then((list) => {
        if (!cancelled) setState({ templates: siteTemplatesFirst(list), failed: false });
      })
      .catch(() => {
        if (!cancelled) setState({ templates: [], failed: true });
      });
    return () => {
      cancelled = true;
    };
  }, [apiUrl, token, siteId]);

  return state;
}

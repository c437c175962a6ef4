'use client';

import type { QuickTemplateDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { siteTemplatesFirst } from './quick-templates';

/** The quick templates usable in a chat of `siteId`: the site's, then the organization-wide ones. */
export function useTemplates(siteId: string): { templates: QuickTemplateDto[]; failed: boolean } {
  const api = useApi();
  const [state, setState] = useState<{ templates: QuickTemplateDto[]; failed: boolean }>({ templates: [], failed: false });

  useEffect(() => {
    let cancelled = false;
    api<QuickTemplateDto[]>(`/templates?siteId=${encodeURIComponent(siteId)}`)
      .then((list) => {
        if (!cancelled) setState({ templates: siteTemplatesFirst(list), failed: false });
      })
      .catch(() => {
        if (!cancelled) setState({ templates: [], failed: true });
      });
    return () => {
      cancelled = true;
    };
  }, [api, siteId]);

  return state;
}

'use client';

import type { ChatSummaryDto, ColleagueDto } from '@chatiq/contracts';
import { useEffect, useMemo, useState } from 'react';
import { apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useOperator } from '@/modules/auth/use-operator';
import { type Assignee, transferTargets } from './assignees';

/**
 * Whom the open chat can be transferred to (besides "me"): the colleagues who may take chats of
 * its site (`GET /team/colleagues?siteId=`, any role), loaded once per site. Empty until loaded
 * or when the request fails (the select is then hidden; "Assign to me" still works).
 */
export function useAssignees(chat: ChatSummaryDto): Assignee[] {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const operator = useOperator();
  const [loaded, setLoaded] = useState<{ siteId: string; colleagues: ColleagueDto[] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    apiFetch<ColleagueDto[]>(apiUrl, `/team/colleagues?siteId=${encodeURIComponent(chat.siteId)}`, { token })
      .then((colleagues) => {
        if (!cancelled) setLoaded({ siteId: chat.siteId, colleagues });
      })
      .catch(() => {
        if (!cancelled) setLoaded(null);
      });
    return () => {
      cancelled = true;
    };
  }, [apiUrl, token, chat.siteId]);

  return useMemo(
    () => (loaded?.siteId === chat.siteId ? transferTargets(loaded.colleagues, chat.assignedOperatorId, operator.id) : []),
    [loaded, chat.siteId, chat.assignedOperatorId, operator.id],
  );
}

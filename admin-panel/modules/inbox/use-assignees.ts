'use client';

import type { ChatSummaryDto, ColleagueDto } from '@chatiq/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useOperator } from '@/modules/auth/use-operator';
import { type Assignee, transferTargets } from './assignees';

/**
 * Whom the open chat can be transferred to (besides "me"): the colleagues who may take chats of
 * its site (`GET /team/colleagues?siteId=`, any role), loaded once per site. Empty until loaded
 * or when the request fails (the select is then hidden; "Assign to me" still works).
 */
export function useAssignees(chat: ChatSummaryDto): Assignee[] {
  const api = useApi();
  const operator = useOperator();
  const [loaded, setLoaded] = useState<{ siteId: string; colleagues: ColleagueDto[] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api<ColleagueDto[]>(`/team/colleagues?siteId=${encodeURIComponent(chat.siteId)}`)
      .then((colleagues) => {
        if (!cancelled) setLoaded({ siteId: chat.siteId, colleagues });
      })
      .catch(() => {
        if (!cancelled) setLoaded(null);
      });
    return () => {
      cancelled = true;
    };
  }, [api, chat.siteId]);

  return useMemo(
    () => (loaded?.siteId === chat.siteId ? transferTargets(loaded.colleagues, chat.assignedOperatorId, operator.id) : []),
    [loaded, chat.siteId, chat.assignedOperatorId, operator.id],
  );
}

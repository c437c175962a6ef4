'use client';

import type { ChatSummaryDto, MemberDto } from '@chatiq/contracts';
import { useEffect, useMemo, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';
import { useOperator } from '@/modules/auth/use-operator';
import { type Assignee, assignableMembers, colleaguesFromChats } from './assignees';

/**
 * Whom the open chat can be transferred to (besides "me"). Owners and admins read the team
 * (GET /team/members); operators may not, so they get the colleagues seen on chats of the site.
 */
export function useAssignees(chat: ChatSummaryDto, chats: readonly ChatSummaryDto[]): Assignee[] {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const operator = useOperator();
  const canReadTeam = operator.role !== 'OPERATOR';
  const [members, setMembers] = useState<MemberDto[] | null>(null);

  useEffect(() => {
    if (!canReadTeam) return;
    let cancelled = false;
    apiFetch<MemberDto[]>(apiUrl, '/team/members', { token })
      .then((list) => {
        if (!cancelled) setMembers(list);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [apiUrl, token, canReadTeam]);

  return useMemo(() => {
    const list = members
      ? assignableMembers(members, chat.siteId, chat.assignedOperatorId)
      : colleaguesFromChats(chats, chat.siteId, chat.assignedOperatorId);
    return list.filter((m) => m.id !== operator.id);
  }, [members, chats, chat.siteId, chat.assignedOperatorId, operator.id]);
}

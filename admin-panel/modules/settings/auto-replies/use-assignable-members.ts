'use client';

import type { MemberDto } from '@chatiq/contracts';
import { useMemo } from 'react';
import { useResource } from '@/lib/api/use-resource';

/** Active members who can answer the site's chats (owners and admins see every site). */
export function useAssignableMembers(siteId: string): MemberDto[] {
  const members = useResource<MemberDto[]>('/team/members');
  return useMemo(
    () => (members.data ?? []).filter((m) => m.active && (m.role !== 'OPERATOR' || m.siteIds.includes(siteId))),
    [members.data, siteId],
  );
}

'use client';

import type { SiteDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/api/use-api';
import { useOperator } from '@/modules/auth/use-operator';

/**
 * Whether the signed-in member is an OPERATOR assigned to no site (so no chat can ever reach
 * them): the empty inbox then says to ask the owner rather than to wait for visitors. Owners and
 * admins see every site. Asked when `ask` turns true (an empty inbox), and again on each change of
 * `ask`; false until known, or when the list of sites cannot be loaded.
 */
export function useUnassignedOperator(ask: boolean): boolean {
  const api = useApi();
  const { role } = useOperator();
  const [unassigned, setUnassigned] = useState(false);
  useEffect(() => {
    if (!ask || role !== 'OPERATOR') {
      setUnassigned(false);
      return;
    }
    let current = true;
    api<SiteDto[]>('/sites')
      .then((sites) => current && setUnassigned(sites.length === 0))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [api, role, ask]);
  return unassigned;
}

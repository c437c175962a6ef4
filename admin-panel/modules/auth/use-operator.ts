'use client';

import type { UserDto } from '@chatiq/contracts';
import { useSession } from 'next-auth/react';

/** The signed-in operator (pages under (app) always have one). */
export function useOperator(): UserDto {
  const { data } = useSession();
  if (!data?.operator) throw new Error('useOperator without a session');
  return data.operator;
}

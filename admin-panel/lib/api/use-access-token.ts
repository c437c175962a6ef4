'use client';

import { useSession } from 'next-auth/react';

/** The API access token of the signed-in operator (pages under (app) always have one). */
export function useAccessToken(): string {
  const { data } = useSession();
  if (!data?.accessToken) throw new Error('useAccessToken without a session');
  return data.accessToken;
}

'use client';

import { useCallback } from 'react';
import { apiFetch } from './api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';

export type ApiCall = <T>(path: string, options?: { method?: string; body?: unknown }) => Promise<T>;

/** `apiFetch` bound to this panel's API URL and the signed-in member's token. */
export function useApi(): ApiCall {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  return useCallback(
    <T>(path: string, options: { method?: string; body?: unknown } = {}) => apiFetch<T>(apiUrl, path, { token, ...options }),
    [apiUrl, token],
  );
}

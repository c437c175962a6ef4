'use client';

import { useCallback } from 'react';
import { useClientConfig } from '@/lib/client-config';
import { apiFetch } from './api-client';
import { useAccessToken } from './use-access-token';

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

/** `apiFetch` bound to this panel's API URL, without a token: the public routes (sign-up, password reset…). */
export function usePublicApi(): ApiCall {
  const { apiUrl } = useClientConfig();
  return useCallback(<T>(path: string, options: { method?: string; body?: unknown } = {}) => apiFetch<T>(apiUrl, path, options), [apiUrl]);
}

'use client';

import type { AiSuggestionDto } from '@chatiq/contracts';
import { useCallback, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/api-client';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/lib/api/use-access-token';
import type { InboxError } from './error-text';

/**
 * The operator copilot: POST /chats/:chatId/ai/suggest drafts a reply (never sent by itself).
 * Failures are kept as an error to show politely: 409 ai_not_configured, 503 ai_unavailable.
 */
export function useSuggestReply(chatId: string) {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<InboxError | null>(null);

  const suggest = useCallback(async (): Promise<string | null> => {
    setBusy(true);
    setError(null);
    try {
      const { text } = await apiFetch<AiSuggestionDto>(apiUrl, `/chats/${encodeURIComponent(chatId)}/ai/suggest`, {
        token,
        method: 'POST',
      });
      return text;
    } catch (e) {
      setError(e instanceof ApiError ? { code: e.body.code, message: e.body.message } : { code: 'internal_error', message: String(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }, [apiUrl, token, chatId]);

  return { suggest, busy, error, clearError: useCallback(() => setError(null), []) };
}

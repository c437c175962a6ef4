'use client';

import type { AiSuggestionDto } from '@chatiq/contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/use-api';
import type { InboxError } from './error-text';

/**
 * The operator copilot: POST /chats/:chatId/ai/suggest drafts a reply (never sent by itself).
 * Failures are kept as an error to show politely: 409 ai_not_configured, 503 ai_unavailable.
 */
export function useSuggestReply(chatId: string) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<InboxError | null>(null);

  const suggest = useCallback(async (): Promise<string | null> => {
    setBusy(true);
    setError(null);
    try {
      const { text } = await api<AiSuggestionDto>(`/chats/${encodeURIComponent(chatId)}/ai/suggest`, { method: 'POST' });
      return text;
    } catch (e) {
      setError(e instanceof ApiError ? { code: e.body.code, message: e.body.message } : { code: 'internal_error', message: String(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }, [api, chatId]);

  return { suggest, busy, error, clearError: useCallback(() => setError(null), []) };
}

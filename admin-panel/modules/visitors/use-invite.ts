'use client';

import type { MessageAckData } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { type AdminSocket, connectAdminSocket } from '@/lib/admin-socket';
import { ApiError } from '@/lib/api/api-client';
import { useAccessToken } from '@/lib/api/use-access-token';
import { useClientConfig } from '@/lib/client-config';
import { useErrorText } from '@/lib/forms/use-error-text';

/** Proactive messages (`visitor:invite`) over this page's own admin socket; resolves to the chat id. */
export function useInvite() {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
  const t = useTranslations('visitors');
  const errorText = useErrorText();
  const socketRef = useRef<AdminSocket | null>(null);

  useEffect(() => {
    const socket = connectAdminSocket(apiUrl, token);
    socketRef.current = socket;
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [apiUrl, token]);

  return async (visitorId: string, text: string): Promise<{ chatId: string } | { error: string }> => {
    const socket = socketRef.current;
    if (!socket) return { error: t('notConnected') };
    const ack = await socket
      .timeout(10_000)
      .emitWithAck('visitor:invite', { visitorId, clientId: crypto.randomUUID(), text })
      .catch(() => null);
    if (!ack) return { error: t('noAnswer') };
    if (!ack.ok) return { error: errorText(new ApiError(0, { code: ack.code, message: ack.message })) };
    const data: MessageAckData = ack.data;
    return { chatId: data.message.chatId };
  };
}

'use client';

import type { MessageAckData } from '@chatiq/contracts';
import { useEffect, useRef } from 'react';
import { type AdminSocket, connectAdminSocket } from '@/lib/admin-socket';
import { useClientConfig } from '@/lib/client-config';
import { useAccessToken } from '@/modules/auth/use-access-token';

/** Proactive messages (`visitor:invite`) over this page's own admin socket; resolves to the chat id. */
export function useInvite() {
  const { apiUrl } = useClientConfig();
  const token = useAccessToken();
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
    if (!socket) return { error: 'Not connected.' };
    const ack = await socket
      .timeout(10_000)
      .emitWithAck('visitor:invite', { visitorId, clientId: crypto.randomUUID(), text })
      .catch(() => null);
    if (!ack) return { error: 'The server did not answer. Try again.' };
    if (!ack.ok) return { error: ack.message };
    const data: MessageAckData = ack.data;
    return { chatId: data.message.chatId };
  };
}

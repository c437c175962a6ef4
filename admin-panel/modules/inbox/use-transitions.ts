'use client';

import type { ChatTransitionDto } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';
import { useApi } from '@/lib/api/use-api';
import { mergeTransitions } from './timeline';

/**
 * Who answered the chat when: its stored transitions (GET /chats/:chatId/transitions, reloaded
 * after a reconnect) and the live ones (`chat:transition` to the sockets in the chat).
 */
export function useTransitions(socket: AdminSocket | null, chatId: string): ChatTransitionDto[] {
  const api = useApi();
  const [transitions, setTransitions] = useState<ChatTransitionDto[]>([]);

  useEffect(() => {
    setTransitions([]);
    let cancelled = false;
    const load = () =>
      api<ChatTransitionDto[]>(`/chats/${encodeURIComponent(chatId)}/transitions`)
        .then((list) => {
          if (!cancelled) setTransitions((all) => mergeTransitions(all, list));
        })
        // The timeline still works without them (e.g. an API without the AI module).
        .catch(() => {});
    void load();
    const onTransition = (transition: ChatTransitionDto) => {
      if (transition.chatId === chatId) setTransitions((all) => mergeTransitions(all, [transition]));
    };
    socket?.on('chat:transition', onTransition);
    socket?.on('connect', load);
    return () => {
      cancelled = true;
      socket?.off('chat:transition', onTransition);
      socket?.off('connect', load);
    };
  }, [socket, chatId, api]);

  return transitions;
}

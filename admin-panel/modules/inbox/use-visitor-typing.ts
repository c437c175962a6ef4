'use client';

import { useEffect, useState } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';

/** How long "typing…" stays without a fresh `visitor:typing` (a lost typing:false must not stick). */
const TYPING_TTL_MS = 5000;

/** Whether the visitor of the open chat is typing right now. */
export function useVisitorTyping(socket: AdminSocket | null, chatId: string | null): boolean {
  const [typing, setTyping] = useState(false);

  useEffect(() => {
    setTyping(false);
    if (!socket || !chatId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTyping = (payload: { chatId: string; typing: boolean }) => {
      if (payload.chatId !== chatId) return;
      clearTimeout(timer);
      setTyping(payload.typing);
      if (payload.typing) timer = setTimeout(() => setTyping(false), TYPING_TTL_MS);
    };
    // A visitor's message ends their typing.
    const onMessage = ({ message }: { message: { chatId: string; authorKind: string } }) => {
      if (message.chatId === chatId && message.authorKind === 'VISITOR') {
        clearTimeout(timer);
        setTyping(false);
      }
    };
    socket.on('visitor:typing', onTyping);
    socket.on('message:created', onMessage);
    return () => {
      clearTimeout(timer);
      socket.off('visitor:typing', onTyping);
      socket.off('message:created', onMessage);
    };
  }, [socket, chatId]);

  return typing;
}

'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';

/** At most one `admin:typing` {typing: true} per this interval while the operator keeps typing. */
const THROTTLE_MS = 2000;

/**
 * Tells the visitor the operator is typing: `typing()` on each keystroke (throttled), `stop()` on
 * send or blur (sends typing:false once, if typing:true was sent). Notes never call it.
 */
export function useOperatorTyping(socket: AdminSocket | null, chatId: string) {
  const lastSentRef = useRef(0);

  const stop = useCallback(() => {
    if (!socket || lastSentRef.current === 0) return;
    lastSentRef.current = 0;
    socket.emit('admin:typing', { chatId, typing: false }, () => {});
  }, [socket, chatId]);

  const typing = useCallback(() => {
    if (!socket) return;
    const now = Date.now();
    if (now - lastSentRef.current < THROTTLE_MS) return;
    lastSentRef.current = now;
    socket.emit('admin:typing', { chatId, typing: true }, () => {});
  }, [socket, chatId]);

  // Switching chats (or leaving the page) stops typing in the old one.
  useEffect(() => stop, [stop]);

  return { typing, stop };
}

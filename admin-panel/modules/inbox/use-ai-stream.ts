'use client';

import type { AiAbortedPayload, AiDeltaPayload, AiDonePayload, AiTypingPayload } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';
import { type AiStream, type AiStreamEvent, aiStreamText, reduceAiStream } from './ai-stream';

/**
 * The AI's answer streaming into the open chat (the socket has joined it): null when nothing
 * streams, else the text so far ('' while it only types). The stored message replaces it on
 * `ai:done` (useInbox merges it); `ai:aborted` discards it.
 */
export function useAiStream(socket: AdminSocket | null, chatId: string): { text: string } | null {
  const [stream, setStream] = useState<AiStream | null>(null);

  useEffect(() => {
    setStream(null);
    if (!socket) return;
    const on = (event: AiStreamEvent) => {
      if (event.payload.chatId === chatId) setStream((state) => reduceAiStream(state, event));
    };
    const typing = (payload: AiTypingPayload) => on({ type: 'typing', payload });
    const delta = (payload: AiDeltaPayload) => on({ type: 'delta', payload });
    const done = (payload: AiDonePayload) => on({ type: 'done', payload });
    const aborted = (payload: AiAbortedPayload) => on({ type: 'aborted', payload });
    // A reconnect loses the stream's place: the stored answer arrives in the resumed history.
    const reset = () => setStream(null);
    socket.on('ai:typing', typing);
    socket.on('ai:delta', delta);
    socket.on('ai:done', done);
    socket.on('ai:aborted', aborted);
    socket.on('disconnect', reset);
    return () => {
      socket.off('ai:typing', typing);
      socket.off('ai:delta', delta);
      socket.off('ai:done', done);
      socket.off('ai:aborted', aborted);
      socket.off('disconnect', reset);
    };
  }, [socket, chatId]);

  return stream ? { text: aiStreamText(stream) } : null;
}

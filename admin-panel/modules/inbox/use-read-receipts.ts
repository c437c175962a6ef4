'use client';

import type { ChatAckData, ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { lastSeq } from '@chatiq/contracts';
import { useEffect, useState } from 'react';
import type { AdminSocket } from '@/lib/admin-socket';

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * Marks the open chat read up to its last message (`admin:read`) while the page is visible,
 * whenever a newer message arrives; the acknowledged summary (unread count 0) updates the list.
 */
export function useMarkRead(
  socket: AdminSocket | null,
  chat: ChatSummaryDto,
  messages: readonly MessageDto[],
  onChat: (chat: ChatSummaryDto) => void,
): void {
  const visible = usePageVisible();
  const seq = lastSeq(messages);
  const chatId = chat.id;
  const readSeq = chat.operatorLastReadSeq;

  useEffect(() => {
    if (!socket || !visible || seq === 0 || seq <= readSeq) return;
    socket.emit('admin:read', { chatId, seq }, (ack) => {
      if (ack.ok) {
        const data: ChatAckData = ack.data;
        onChat(data.chat);
      }
    });
  }, [socket, visible, chatId, seq, readSeq, onChat]);
}

/** The operators' last reply the visitor can see, and whether the visitor has read it. */
export function lastReplySeen(chat: ChatSummaryDto, messages: readonly MessageDto[]): { messageId: string; seen: boolean } | null {
  const reply = messages.findLast((m) => m.authorKind === 'OPERATOR' && !m.internal);
  if (!reply) return null;
  return { messageId: reply.id, seen: chat.visitorLastReadSeq >= reply.seq };
}

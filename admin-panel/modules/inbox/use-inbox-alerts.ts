'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { decideNotification, titleWithUnread, unreadTotal } from './notification-decision';
import { playChime } from './notification-sound';
import { useVisitorLabel } from './use-visitor-label';

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

type Options = {
  chats: readonly ChatSummaryDto[];
  openChatId: string | null;
  operatorId: string;
  muted: boolean;
  /** Opens a chat (clicking a browser notification). */
  onOpen: (chatId: string) => void;
};

/**
 * Alerts for news the operator is not looking at: a chime and a browser notification (when
 * allowed and not muted) for a new visitor message or chat, or a chat the AI handed over; and the
 * unread count in the tab's title. Compares each chat summary with the one seen before.
 */
export function useInboxAlerts({ chats, openChatId, operatorId, muted, onOpen }: Options): void {
  const t = useTranslations('inbox.notifications');
  const label = useVisitorLabel();
  const visible = usePageVisible();
  const seenRef = useRef<Map<string, ChatSummaryDto> | null>(null);
  const sinceRef = useRef(Date.now());
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    const seen = seenRef.current;
    seenRef.current = new Map(chats.map((c) => [c.id, c]));
    if (seen === null) return; // the first list: history, not news
    let chimed = false;
    for (const chat of chats) {
      const previous = seen.get(chat.id);
      if (previous === chat) continue;
      const kind = decideNotification({ previous, next: chat, operatorId, openChatId, pageVisible: visible, since: sinceRef.current });
      if (!kind || muted) continue;
      if (!chimed) playChime();
      chimed = true;
      if ('Notification' in window && Notification.permission === 'granted') {
        const notification = new Notification(t(`title.${kind}`, { visitor: label(chat) }), {
          body: kind === 'needs_human' ? t('needsHumanBody', { site: chat.siteName }) : (chat.lastMessage?.text ?? ''),
          tag: `chatiq-${chat.id}`,
        });
        notification.onclick = () => {
          window.focus();
          onOpenRef.current(chat.id);
          notification.close();
        };
      }
    }
  }, [chats, openChatId, operatorId, visible, muted, t, label]);

  // The unread count in the tab's title, e.g. "(3) Inbox · ChatIQ".
  const unread = unreadTotal(chats, operatorId);
  useEffect(() => {
    document.title = titleWithUnread(document.title, unread);
  }, [unread]);
  useEffect(
    () => () => {
      document.title = titleWithUnread(document.title, 0);
    },
    [],
  );
}

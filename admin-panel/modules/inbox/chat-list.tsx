'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { AiStateBadge } from './ai-state-badge';
import { needsHuman } from './chat-filter';
import { FollowUpBadge } from './follow-up-badge';
import { useVisitorLabel } from './use-visitor-label';

type Props = {
  chats: ChatSummaryDto[];
  loaded: boolean;
  /** Whether any chat is loaded at all (before the filters): picks the empty-state text. */
  filtered: boolean;
  selectedId: string | null;
  onSelect: (chatId: string) => void;
};

/** A short preview of the chat's last message (a file when it carries one and no text). */
function usePreview() {
  const t = useTranslations('inbox.list');
  return (chat: ChatSummaryDto) => {
    const last = chat.lastMessage;
    if (!last) return t('noMessages');
    if (!last.text && last.attachment) return t('attachmentPreview', { name: last.attachment.name });
    return last.text;
  };
}

export function ChatList({ chats, loaded, filtered, selectedId, onSelect }: Props) {
  const t = useTranslations('inbox');
  const label = useVisitorLabel();
  const preview = usePreview();
  if (!loaded) return <p className="muted pad">{t('list.loading')}</p>;
  if (chats.length === 0) return <p className="muted pad">{filtered ? t('list.noMatch') : t('list.empty')}</p>;
  return (
    <ul className="chat-list">
      {chats.map((chat) => {
        const waiting = needsHuman(chat);
        const classes = ['chat-item', chat.id === selectedId ? 'selected' : '', waiting ? 'needs-human' : ''].filter(Boolean).join(' ');
        return (
          <li key={chat.id}>
            <button
              type="button"
              data-testid="chat-item"
              data-chat-id={chat.id}
              data-ai-state={chat.aiState ?? undefined}
              className={classes}
              aria-current={chat.id === selectedId}
              title={chat.aiState === 'AI' && !chat.assignedOperatorId ? t('list.takeoverHint') : undefined}
              onClick={() => onSelect(chat.id)}
            >
              <span className="chat-item-top">
                <strong title={label(chat)}>{label(chat)}</strong>
                <span className="chat-item-badges">
                  {chat.unreadCount > 0 && chat.id !== selectedId && (
                    <span className="unread" data-testid="unread-count" title={t('list.unread', { count: chat.unreadCount })}>
                      {chat.unreadCount}
                    </span>
                  )}
                  <AiStateBadge state={chat.aiState} />
                  <span className={`badge ${chat.status.toLowerCase()}`}>{t(`status.${chat.status}`)}</span>
                </span>
              </span>
              <span className="chat-item-preview">{preview(chat)}</span>
              <span className="chat-item-site">
                {chat.siteName}
                {chat.assignedOperatorName ? ` · ${chat.assignedOperatorName}` : ''}
                <FollowUpBadge at={chat.followUpAt} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

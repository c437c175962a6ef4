'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { visitorLabel } from './visitor-label';

type Props = {
  chats: ChatSummaryDto[];
  loaded: boolean;
  /** Whether any chat is loaded at all (before the filters): picks the empty-state text. */
  filtered: boolean;
  selectedId: string | null;
  onSelect: (chatId: string) => void;
};

export function ChatList({ chats, loaded, filtered, selectedId, onSelect }: Props) {
  if (!loaded) return <p className="muted pad">Loading chats…</p>;
  if (chats.length === 0) {
    return (
      <p className="muted pad">
        {filtered ? 'No chats match these filters.' : 'No chats yet. When a visitor writes from your site, the chat appears here.'}
      </p>
    );
  }
  return (
    <ul className="chat-list">
      {chats.map((chat) => (
        <li key={chat.id}>
          <button
            type="button"
            data-testid="chat-item"
            data-chat-id={chat.id}
            className={chat.id === selectedId ? 'chat-item selected' : 'chat-item'}
            aria-current={chat.id === selectedId}
            onClick={() => onSelect(chat.id)}
          >
            <span className="chat-item-top">
              <strong>{visitorLabel(chat)}</strong>
              <span className="chat-item-badges">
                {chat.unreadCount > 0 && chat.id !== selectedId && (
                  <span className="unread" data-testid="unread-count" title={`${chat.unreadCount} unread`}>
                    {chat.unreadCount}
                  </span>
                )}
                <span className={`badge ${chat.status.toLowerCase()}`}>{chat.status.toLowerCase()}</span>
              </span>
            </span>
            <span className="chat-item-preview">{chat.lastMessage?.text ?? 'No messages yet'}</span>
            <span className="chat-item-site">
              {chat.siteName}
              {chat.assignedOperatorName ? ` · ${chat.assignedOperatorName}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

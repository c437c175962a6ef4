'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useResource } from '@/lib/api/use-resource';
import { useChatPreview } from './chat-list';
import { useLocalFormat } from './use-local-format';

/**
 * The visitor's other conversations (with a linked contact: every conversation of the person, from
 * any of their browsers, on the sites this operator sees), newest first: when, status, the last
 * message. Clicking one opens it in the inbox (`onOpen`).
 */
export function VisitorChats({ chat, onOpen }: { chat: ChatSummaryDto; onOpen: (chatId: string) => void }) {
  const t = useTranslations('inbox.visitorPanel');
  const tStatus = useTranslations('inbox.status');
  const format = useLocalFormat();
  const preview = useChatPreview();
  const { data, error } = useResource<ChatSummaryDto[]>(`/visitors/${encodeURIComponent(chat.visitor.id)}/chats`);
  const others = data?.filter((c) => c.id !== chat.id) ?? [];

  return (
    <section className="visitor-chats" aria-labelledby="visitor-chats-heading" data-testid="visitor-chats">
      <h4 id="visitor-chats-heading">{t('pastChats')}</h4>
      {error ? (
        <p role="alert" className="error">
          {t('pastChatsFailed')}
        </p>
      ) : !data ? (
        <p className="muted">{t('pastChatsLoading')}</p>
      ) : others.length === 0 ? (
        <p className="muted" data-testid="visitor-chats-empty">
          {t('noPastChats')}
        </p>
      ) : (
        <ul>
          {others.map((other) => (
            <li key={other.id}>
              <button
                type="button"
                className="visitor-chat"
                data-testid="visitor-chat"
                data-chat-id={other.id}
                onClick={() => onOpen(other.id)}
              >
                <span className="visitor-chat-top">
                  <time dateTime={other.createdAt}>{format.dateTime(other.createdAt)}</time>
                  <span className={`badge ${other.status.toLowerCase()}`}>{tStatus(other.status)}</span>
                </span>
                <span className="visitor-chat-preview">{preview(other)}</span>
                {other.siteId !== chat.siteId && <span className="muted visitor-chat-site">{other.siteName}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import { AiStateBadge } from './ai-state-badge';
import { chatAge } from './chat-age';
import { needsHuman } from './chat-filter';
import { FollowUpBadge } from './follow-up-badge';
import { formatWakeTime } from './snooze-presets';
import { useNow } from './use-now';
import { useUnassignedOperator } from './use-unassigned-operator';
import { useVisitorLabel } from './use-visitor-label';

type Props = {
  chats: readonly ChatSummaryDto[];
  loaded: boolean;
  /** Whether any chat is loaded at all (before the filters): picks the empty-state text. */
  filtered: boolean;
  selectedId: string | null;
  onSelect: (chatId: string) => void;
};

/**
 * When the chat's last message (the preview's, else the chat's start) was: "now", "5 min", "14:02",
 * "Mon"… in the operator's language and time zone, renewed as time passes; the full date on hover.
 */
function ChatAgeLabel({ at, now }: { at: string; now: Date }) {
  const t = useTranslations('inbox.list');
  const locale = useLocale();
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const date = new Date(at);
  const age = chatAge(date, now, locale, timeZone);
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  return (
    <time className="chat-item-age" dateTime={at} title={full} data-testid="chat-age" data-kind={age.kind}>
      {age.kind === 'now' ? t('justNow') : age.text}
    </time>
  );
}

/** "Snoozed until Tue 09:00": when a snoozed chat comes back, in the operator's language and zone. */
function SnoozedUntil({ at, now }: { at: string; now: Date }) {
  const t = useTranslations('inbox.list');
  const locale = useLocale();
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  return (
    <time className="chat-item-snoozed" dateTime={at} data-testid="chat-snoozed-until">
      {t('snoozedUntil', { time: formatWakeTime(new Date(at), now, locale, timeZone) })}
    </time>
  );
}

/** A short preview of the chat's last message (a file when it carries one and no text). */
export function useChatPreview() {
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
  const preview = useChatPreview();
  const unassigned = useUnassignedOperator(loaded && chats.length === 0 && !filtered);
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);
  // The open chat stays in sight in the list (J/K step through it).
  useEffect(() => {
    if (selectedId) listRef.current?.querySelector(`[data-chat-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (!loaded) return <p className="muted pad">{t('list.loading')}</p>;
  if (chats.length === 0) {
    const empty = filtered ? t('list.noMatch') : unassigned ? t('list.noSites') : t('list.empty');
    return (
      <p className="muted pad" data-testid="chat-list-empty">
        {empty}
      </p>
    );
  }
  return (
    <ul className="chat-list" ref={listRef}>
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
              <span className="chat-item-middle">
                <span className="chat-item-preview" data-testid="chat-preview">
                  {preview(chat)}
                </span>
                <ChatAgeLabel at={chat.lastMessage?.createdAt ?? chat.createdAt} now={now} />
              </span>
              <span className="chat-item-site">
                {chat.siteName}
                {chat.assignedOperatorName ? ` · ${chat.assignedOperatorName}` : ''}
                <FollowUpBadge at={chat.followUpAt} />
              </span>
              {chat.status === 'SNOOZED' && chat.snoozedUntil && <SnoozedUntil at={chat.snoozedUntil} now={now} />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

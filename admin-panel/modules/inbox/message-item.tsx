'use client';

import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { Avatar } from '@/modules/ui/avatar';
import { AttachmentView } from './attachment-view';
import { systemMessageText } from './system-event-text';
import { useLocalFormat } from './use-local-format';
import { useVisitorLabel } from './use-visitor-label';

type Props = { chat: ChatSummaryDto; message: MessageDto; seen: boolean | null };

/**
 * One message: system events as centered small text in the operator's language (from the message's
 * `systemEvent`, else its text), private notes marked as such, files shown
 * with the text, and "Seen" under the operators' last reply once the visitor has read it (`seen`
 * is null elsewhere).
 */
export function MessageItem({ chat, message: m, seen }: Props) {
  const t = useTranslations('inbox.message');
  const inbox = useTranslations('inbox');
  const format = useLocalFormat();
  const label = useVisitorLabel();
  const time = <time dateTime={m.createdAt}>{format.time(m.createdAt)}</time>;
  if (m.authorKind === 'SYSTEM') {
    return (
      <li
        className="message-system"
        data-author="system"
        data-internal={m.internal ? 'true' : undefined}
        data-system-event={m.systemEvent?.code}
      >
        <span className="message-text">{systemMessageText(m, (key, values) => inbox(key, values), format.dateTime)}</span> · {time}
      </li>
    );
  }
  const author =
    m.authorKind === 'VISITOR'
      ? label(chat)
      : m.authorKind === 'AI'
        ? (m.authorName ?? t('aiAuthor'))
        : (m.authorName ?? t('operatorAuthor'));
  return (
    <li
      className={`message ${m.authorKind.toLowerCase()}${m.internal ? ' note' : ''}`}
      data-author={m.authorKind.toLowerCase()}
      data-internal={m.internal ? 'true' : 'false'}
      data-message-id={m.id}
    >
      <span className="message-author">
        {m.authorKind === 'OPERATOR' && <Avatar name={author} url={m.authorAvatarUrl} />}
        {m.internal && <span className="note-label">{t('privateNote')} · </span>}
        {author}
      </span>
      {m.attachment && <AttachmentView messageId={m.id} attachment={m.attachment} />}
      {m.text && <span className="message-text">{m.text}</span>}
      {time}
      {seen && (
        <span className="message-seen" data-testid="seen">
          {t('seen')}
        </span>
      )}
    </li>
  );
}

'use client';

import type { ChatSummaryDto, MessageDto } from '@chatiq/contracts';
import { visitorLabel } from './visitor-label';

type Props = { chat: ChatSummaryDto; message: MessageDto; seen: boolean | null };

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * One message: system events as centered small text, private notes marked as such, and "Seen"
 * under the operators' last reply once the visitor has read it (`seen` is null elsewhere).
 */
export function MessageItem({ chat, message: m, seen }: Props) {
  if (m.authorKind === 'SYSTEM') {
    return (
      <li className="message-system" data-author="system" data-internal={m.internal ? 'true' : undefined}>
        <span className="message-text">{m.text}</span> · <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
      </li>
    );
  }
  const author = m.authorKind === 'VISITOR' ? visitorLabel(chat) : (m.authorName ?? m.authorKind);
  return (
    <li
      className={`message ${m.authorKind.toLowerCase()}${m.internal ? ' note' : ''}`}
      data-author={m.authorKind.toLowerCase()}
      data-internal={m.internal ? 'true' : 'false'}
    >
      <span className="message-author">
        {m.internal && <span className="note-label">Private note · </span>}
        {author}
      </span>
      <span className="message-text">{m.text}</span>
      <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
      {seen && (
        <span className="message-seen" data-testid="seen">
          Seen
        </span>
      )}
    </li>
  );
}

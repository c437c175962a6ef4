'use client';

import { useTranslations } from 'next-intl';
import type { OutboxEntry } from './outbox';

/** A reply or note the server has not acknowledged yet: shown where it will land, marked as sending. */
export function OutboxItem({ entry, operatorName }: { entry: OutboxEntry; operatorName: string }) {
  const t = useTranslations('inbox.message');
  const note = entry.event === 'admin:note';
  return (
    <li
      className={`message operator pending${note ? ' note' : ''}`}
      data-author="operator"
      data-internal={note ? 'true' : 'false'}
      data-status="pending"
      data-client-id={entry.clientId}
    >
      <span className="message-author">
        {note && <span className="note-label">{t('privateNote')} · </span>}
        {operatorName}
      </span>
      <span className="message-text">{entry.text}</span>
      <span className="message-sending">{t('sending')}</span>
    </li>
  );
}

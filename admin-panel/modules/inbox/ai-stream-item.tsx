'use client';

import { useTranslations } from 'next-intl';

/** The AI's answer as it streams in (replaced by the stored message when it is done). */
export function AiStreamItem({ text }: { text: string }) {
  const t = useTranslations('inbox.ai');
  return (
    <li className="message ai streaming" data-author="ai" data-testid="ai-stream" aria-busy="true">
      <span className="message-author">{t('streamingAuthor')}</span>
      {text ? (
        <span className="message-text" data-testid="ai-stream-text">
          {text}
          <span className="stream-caret" aria-hidden="true" />
        </span>
      ) : (
        <span className="message-text muted">{t('typing')}</span>
      )}
    </li>
  );
}

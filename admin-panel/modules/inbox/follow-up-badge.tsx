'use client';

import { useTranslations } from 'next-intl';
import { useLocalFormat } from './use-local-format';

/** The chat waits for a follow-up by email (left outside hours or unanswered). */
export function FollowUpBadge({ at }: { at: string | null }) {
  const t = useTranslations('inbox.followUp');
  const format = useLocalFormat();
  if (!at) return null;
  return (
    <span className="badge follow-up" data-testid="follow-up" title={t('hint', { time: format.dateTime(at) })}>
      {t('label')}
    </span>
  );
}

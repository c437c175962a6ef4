'use client';

import type { ChatSummaryDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { visitorLabel, visitorShortId } from './visitor-label';

/** Names visitors in the operator's language ("Visitor 1a2b3" / "Відвідувач 1a2b3" when anonymous). */
export function useVisitorLabel(): (chat: Pick<ChatSummaryDto, 'visitor'>) => string {
  const t = useTranslations('inbox');
  return useCallback((chat) => visitorLabel(chat, t('visitor.anonymous', { id: visitorShortId(chat) })), [t]);
}

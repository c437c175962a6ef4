'use client';

import type { AiChatState } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';

const CLASS: Record<AiChatState, string> = { AI: 'ai-answering', WAITING_FOR_HUMAN: 'ai-waiting', HUMAN: 'ai-human' };

/** Who answers the chat: the AI, nobody yet (the AI gave way), or a human. Nothing when the AI never took part. */
export function AiStateBadge({ state }: { state: AiChatState | null }) {
  const t = useTranslations('inbox.ai.state');
  if (!state) return null;
  return (
    <span className={`badge ai-state ${CLASS[state]}`} data-testid="ai-state" data-state={state} title={t(`${state}.hint`)}>
      {t(`${state}.label`)}
    </span>
  );
}

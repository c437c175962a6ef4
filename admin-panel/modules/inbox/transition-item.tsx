'use client';

import type { ChatTransitionDto } from '@chatiq/contracts';
import { useTranslations } from 'next-intl';
import { useLocalFormat } from './use-local-format';

/** Which message describes a transition: by its reason, or "the AI started" for any other move to the AI. */
function messageKey(transition: ChatTransitionDto): string {
  if (transition.to === 'AI' && transition.reason !== 'operator_handback') return 'aiStarted';
  return transition.reason;
}

/** A change of who answers the chat, inline in the timeline: "Handed to a human: the AI key was rejected (401)". */
export function TransitionItem({ transition }: { transition: ChatTransitionDto }) {
  const t = useTranslations('inbox.transition');
  const format = useLocalFormat();
  const key = messageKey(transition);
  const detail = transition.detail?.trim();
  return (
    <li
      className={`message-transition to-${transition.to.toLowerCase()}`}
      data-testid="transition"
      data-reason={transition.reason}
      data-to={transition.to}
    >
      <span className="message-text">{detail ? t(`${key}.withDetail`, { detail }) : t(`${key}.plain`)}</span> ·{' '}
      <time dateTime={transition.createdAt}>{format.time(transition.createdAt)}</time>
    </li>
  );
}

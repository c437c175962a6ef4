'use client';

import { useTranslations } from 'next-intl';
import type { ChatFilterState, OwnerFilter, StatusFilter } from './chat-filter';

type Props = {
  filters: ChatFilterState;
  /** Open chats the AI handed to humans that nobody has taken yet. */
  needsHumanCount: number;
  onOwner: (owner: OwnerFilter) => void;
  onStatus: (status: StatusFilter) => void;
  onNeedsHuman: (on: boolean) => void;
};

const OWNERS: OwnerFilter[] = ['mine', 'unassigned', 'all'];
const STATUSES: StatusFilter[] = ['open', 'snoozed', 'resolved'];

/** Segmented filters above the chat list, and the "Needs a human" toggle. */
export function ChatFilters({ filters, needsHumanCount, onOwner, onStatus, onNeedsHuman }: Props) {
  const t = useTranslations('inbox.filters');
  return (
    <div className="chat-filters">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('assignee')}</legend>
        {OWNERS.map((value) => (
          <button key={value} type="button" aria-pressed={filters.owner === value} onClick={() => onOwner(value)}>
            {t(`owner.${value}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('status')}</legend>
        {STATUSES.map((value) => (
          <button key={value} type="button" aria-pressed={filters.status === value} onClick={() => onStatus(value)}>
            {t(`statusValue.${value}`)}
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        className={needsHumanCount > 0 ? 'needs-human-filter attention' : 'needs-human-filter'}
        aria-pressed={filters.needsHuman}
        onClick={() => onNeedsHuman(!filters.needsHuman)}
        title={t('needsHumanHint')}
      >
        {t('needsHuman')}
        {needsHumanCount > 0 && (
          <span className="needs-human-count" data-testid="needs-human-count">
            {needsHumanCount}
          </span>
        )}
      </button>
    </div>
  );
}

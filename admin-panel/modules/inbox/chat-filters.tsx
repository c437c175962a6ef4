'use client';

import type { OwnerFilter, StatusFilter } from './chat-filter';

type Props = {
  owner: OwnerFilter;
  status: StatusFilter;
  onOwner: (owner: OwnerFilter) => void;
  onStatus: (status: StatusFilter) => void;
};

const OWNERS: { value: OwnerFilter; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All' },
];
const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
];

/** Segmented filters above the chat list. */
export function ChatFilters({ owner, status, onOwner, onStatus }: Props) {
  return (
    <div className="chat-filters">
      <fieldset className="segmented">
        <legend className="visually-hidden">Assignee</legend>
        {OWNERS.map((o) => (
          <button key={o.value} type="button" aria-pressed={owner === o.value} onClick={() => onOwner(o.value)}>
            {o.label}
          </button>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="visually-hidden">Status</legend>
        {STATUSES.map((s) => (
          <button key={s.value} type="button" aria-pressed={status === s.value} onClick={() => onStatus(s.value)}>
            {s.label}
          </button>
        ))}
      </fieldset>
    </div>
  );
}

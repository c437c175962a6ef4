import type { ReactNode } from 'react';

/**
 * What a page or list shows while it has nothing: what is missing and what to do next, with the
 * action (a button or link) right there.
 */
export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <p className="muted">{text}</p>
      {action}
    </div>
  );
}

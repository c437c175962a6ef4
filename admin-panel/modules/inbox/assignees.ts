import type { ColleagueDto } from '@chatiq/contracts';

/** Someone a chat can be transferred to. */
export type Assignee = { id: string; name: string };

/**
 * The transfer select's options: the site's colleagues (`GET /team/colleagues`, who may take its
 * chats) except whoever has the chat already and the operator themselves ("Assign to me" is its
 * own button), by name.
 */
export function transferTargets(colleagues: readonly ColleagueDto[], currentAssigneeId: string | null, selfId: string): Assignee[] {
  return colleagues
    .filter((c) => c.id !== currentAssigneeId && c.id !== selfId)
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

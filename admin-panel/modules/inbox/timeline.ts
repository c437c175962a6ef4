import type { ChatTransitionDto, MessageDto } from '@chatiq/contracts';

export type TimelineItem = { kind: 'message'; message: MessageDto } | { kind: 'transition'; transition: ChatTransitionDto };

/**
 * Messages (in sequence order) with the chat's hand-overs between AI and humans placed where they
 * happened: a transition comes after every message created before or at its time.
 */
export function buildTimeline(messages: readonly MessageDto[], transitions: readonly ChatTransitionDto[]): TimelineItem[] {
  const pending = [...transitions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const items: TimelineItem[] = [];
  let next = 0;
  for (const message of messages) {
    const at = Date.parse(message.createdAt);
    while (next < pending.length && Date.parse(pending[next]!.createdAt) < at) {
      items.push({ kind: 'transition', transition: pending[next]! });
      next++;
    }
    items.push({ kind: 'message', message });
  }
  for (; next < pending.length; next++) items.push({ kind: 'transition', transition: pending[next]! });
  return items;
}

/** Adds transitions by id (a live one may also come back in a reload). */
export function mergeTransitions(all: readonly ChatTransitionDto[], incoming: readonly ChatTransitionDto[]): ChatTransitionDto[] {
  const byId = new Map(all.map((t) => [t.id, t]));
  for (const t of incoming) byId.set(t.id, t);
  return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

import type { ChatStatusPayload } from '@chatiq/contracts';
import type { ChatEntry } from './message-merge.js';

/** The newest stored seq of `chatId` the widget has (what `visitor:read` reports), or null. */
export function newestSeq(entries: readonly ChatEntry[], chatId: string | null): number | null {
  let newest: number | null = null;
  for (const entry of entries) {
    if (entry.chatId === chatId && entry.seq !== null && (newest === null || entry.seq > newest)) newest = entry.seq;
  }
  return newest;
}

/**
 * Marks the visitor's own stored messages the operator has seen (`seq` ≤ the operator's read
 * receipt of their chat). Entries whose mark does not change are returned as they are, so the
 * view only touches what changed.
 */
export function applyReadReceipts(entries: readonly ChatEntry[], operatorReadSeq: ReadonlyMap<string, number>): ChatEntry[] {
  return entries.map((entry) => {
    const readSeq = entry.chatId === null ? undefined : operatorReadSeq.get(entry.chatId);
    const seen = entry.authorKind === 'VISITOR' && entry.seq !== null && readSeq !== undefined && entry.seq <= readSeq;
    return (entry.seen ?? false) === seen ? entry : { ...entry, seen };
  });
}

/** Read receipts only move forward (events can arrive out of order): the same map when nothing moved. */
export function recordReceipt(receipts: ReadonlyMap<string, number>, chatId: string, seq: number): ReadonlyMap<string, number> {
  const known = receipts.get(chatId);
  if (known !== undefined && known >= seq) return receipts;
  return new Map(receipts).set(chatId, seq);
}

/**
 * The chat the widget knows is closed, after a `chat:status` event: set when the visitor's
 * current chat is resolved, cleared when it is reopened. (A message after that starts a new
 * chat with another id, which also ends the notice: see `showsClosedNotice`.)
 */
export function closedChatAfter(closedChatId: string | null, currentChatId: string | null, event: ChatStatusPayload): string | null {
  if (event.status === 'RESOLVED') return event.chatId === currentChatId ? event.chatId : closedChatId;
  return event.chatId === closedChatId ? null : closedChatId;
}

/** The "conversation closed" line shows while the visitor is still looking at the resolved chat. */
export function showsClosedNotice(closedChatId: string | null, currentChatId: string | null): boolean {
  return closedChatId !== null && closedChatId === currentChatId;
}

import type { AttachmentDto, AuthorKind, MessageDto } from '@chatiq/contracts';
import { resumeSeq } from '@chatiq/contracts/protocol';

export type EntryStatus = 'sent' | 'pending' | 'failed';

/**
 * One message as the widget shows it: either stored by the server (`id` and `seq` set) or the
 * visitor's own message still waiting for its acknowledgement (`pending`) or refused (`failed`).
 */
export interface ChatEntry {
  /** Stable for the entry's lifetime, also when a pending message becomes a stored one. */
  key: string;
  id: string | null;
  chatId: string | null;
  seq: number | null;
  /** The server's numbering of what the visitor sees (gap-free); null until stored. */
  publicSeq: number | null;
  clientId: string | null;
  authorKind: AuthorKind;
  /** The operator's user id (stored messages): consecutive messages of one author form a group. */
  authorId?: string | null;
  authorName: string | null;
  /** The operator's picture, a path on the API (`/avatars/…`); absent or null: initials. */
  authorAvatarUrl?: string | null;
  text: string;
  createdAt: string;
  status: EntryStatus;
  /** The visitor's own message that the operator has read (set by `applyReadReceipts`). */
  seen?: boolean;
  /** The file the message carries (stored messages). */
  attachment: AttachmentDto | null;
  /** The visitor's file on its way: its name and how much of it was sent (0…1). */
  upload?: { name: string; size: number; progress: number };
  /** Why the visitor's message or file was refused, shown under it (failed entries). */
  error?: string;
  /** A failed entry that sending again could fix (else it can only be removed). */
  retryable?: boolean;
}

/** The visitor's message, shown at once while it is on its way. */
export function pendingEntry(clientId: string, text: string, createdAt: string): ChatEntry {
  return {
    key: `local:${clientId}`,
    id: null,
    chatId: null,
    seq: null,
    publicSeq: null,
    clientId,
    authorKind: 'VISITOR',
    authorName: null,
    text,
    createdAt,
    status: 'pending',
    attachment: null,
  };
}

/** The visitor's file, shown at once with its progress while it uploads. */
export function pendingUploadEntry(clientId: string, file: { name: string; size: number }, createdAt: string): ChatEntry {
  return { ...pendingEntry(clientId, '', createdAt), upload: { name: file.name, size: file.size, progress: 0 } };
}

/** Updates the visitor's unstored entry with this clientId (no-op when there is none). */
export function updatePending(entries: readonly ChatEntry[], clientId: string, change: Partial<ChatEntry>): ChatEntry[] {
  return entries.map((entry) => (entry.id === null && entry.clientId === clientId ? { ...entry, ...change } : entry));
}

/**
 * Adds stored messages to the list: a message already there (same id) is updated, a visitor's
 * pending or failed message with the same clientId is replaced (keeping its key), anything else
 * is appended. The result is ordered by seq, with unstored messages last in the order they
 * were written. Sequence numbers count per chat, so when the visitor's chat was resolved and a
 * new one started, the earlier chat's messages stay first. Never mutates its inputs.
 */
export function mergeMessages(entries: readonly ChatEntry[], incoming: readonly MessageDto[]): ChatEntry[] {
  const merged = [...entries];
  for (const message of incoming) {
    const index = merged.findIndex(
      (entry) =>
        entry.id === message.id ||
        (entry.id === null && message.clientId !== null && entry.clientId === message.clientId && message.authorKind === 'VISITOR'),
    );
    const existing = index === -1 ? undefined : merged[index];
    const stored = storedEntry(message, existing?.key ?? `id:${message.id}`);
    if (index === -1) merged.push(stored);
    else merged[index] = stored;
  }
  return sortBySeq(merged);
}

/** Marks the visitor's unacknowledged message as refused by the server; `retryable`: sending it again could work. */
export function markFailed(entries: readonly ChatEntry[], clientId: string, retryable = true): ChatEntry[] {
  return updatePending(entries, clientId, { status: 'failed', retryable });
}

/**
 * Where to resume `chatId` after a reconnect (the join's `afterSeq`): the seq of the last message
 * before the first one the widget is missing (0 when none). Not simply the highest seq: a reply
 * can arrive before an earlier message that was lost with the connection.
 */
export function resumePoint(entries: readonly ChatEntry[], chatId: string | null): number {
  const stored = entries.filter((e): e is ChatEntry & { seq: number } => e.chatId === chatId && e.seq !== null);
  return resumeSeq(stored, 'visitor');
}

function storedEntry(message: MessageDto, key: string): ChatEntry {
  return {
    key,
    id: message.id,
    chatId: message.chatId,
    seq: message.seq,
    publicSeq: message.publicSeq,
    clientId: message.clientId,
    authorKind: message.authorKind,
    authorId: message.authorId,
    authorName: message.authorName,
    authorAvatarUrl: message.authorAvatarUrl ?? null,
    text: message.text,
    createdAt: message.createdAt,
    status: 'sent',
    attachment: message.attachment ?? null,
  };
}

/**
 * Stored messages by chat (in the order the chats first appear) and then by seq; unstored ones
 * after them, in their current order (the sort is stable).
 */
function sortBySeq(entries: ChatEntry[]): ChatEntry[] {
  const chatRank = new Map<string, number>();
  for (const entry of entries) {
    if (entry.chatId !== null && !chatRank.has(entry.chatId)) chatRank.set(entry.chatId, chatRank.size);
  }
  const rank = (entry: ChatEntry) => (entry.chatId === null ? chatRank.size : (chatRank.get(entry.chatId) ?? 0));
  return entries.sort((a, b) => {
    if (a.seq === null || b.seq === null) return a.seq === b.seq ? 0 : a.seq === null ? 1 : -1;
    return rank(a) - rank(b) || a.seq - b.seq;
  });
}

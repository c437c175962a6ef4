import { isRetryableError } from '@chatiq/contracts';

/**
 * Replies and notes the server has not acknowledged yet. Each keeps its client id, so sending it
 * again after a reconnect (or a reload of the tab) is the same message to the server: stored once,
 * answered with the stored copy. Kept in the tab's sessionStorage, per operator.
 */
export type OutboxEntry = {
  clientId: string;
  chatId: string;
  event: 'admin:message' | 'admin:note';
  text: string;
  createdAt: string;
};

/**
 * What becomes of an entry the server refused with `code`, by the contract's one retry rule
 * (`isRetryableError`, shared with the widget): `waiting` (kept, sent again with its client id
 * after the next reconnect or retry), or `refused` (dropped, the error shown).
 */
export function afterRefusal(code: string): 'waiting' | 'refused' {
  return isRetryableError(code) ? 'waiting' : 'refused';
}

/** Where the entries live: sessionStorage in the browser, a Map in tests. */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Outbox {
  private entries: OutboxEntry[];

  constructor(
    private readonly storage: OutboxStorage | null,
    private readonly key: string,
  ) {
    this.entries = load(storage, key);
  }

  add(entry: OutboxEntry): void {
    this.entries = [...this.entries.filter((e) => e.clientId !== entry.clientId), entry];
    this.save();
  }

  remove(clientId: string): void {
    this.entries = this.entries.filter((e) => e.clientId !== clientId);
    this.save();
  }

  has(clientId: string): boolean {
    return this.entries.some((e) => e.clientId === clientId);
  }

  /** Every waiting entry, oldest first (the order they are resent in). */
  all(): OutboxEntry[] {
    return [...this.entries];
  }

  of(chatId: string): OutboxEntry[] {
    return this.entries.filter((e) => e.chatId === chatId);
  }

  private save(): void {
    try {
      if (this.entries.length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked: the entries still live in memory until the tab closes.
    }
  }
}

function load(storage: OutboxStorage | null, key: string): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<OutboxEntry> | null;
  return (
    typeof e?.clientId === 'string' &&
    typeof e.chatId === 'string' &&
    (e.event === 'admin:message' || e.event === 'admin:note') &&
    typeof e.text === 'string' &&
    typeof e.createdAt === 'string'
  );
}

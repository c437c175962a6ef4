import {
  type AdminJoinResult,
  type ChatAckData,
  type ChatSummaryDto,
  type MessageAckData,
  type MessageDto,
  mergeMessages,
  resumeSeq,
} from '@chatiq/contracts';
import { type AdminSocket, connectAdminSocket } from '@/lib/admin-socket';
import { ApiError, apiFetch } from '@/lib/api/api-client';
import type { StatusFilter } from './chat-filter';
import type { InboxError } from './error-text';
import { afterRefusal, Outbox, type OutboxEntry, type OutboxStorage } from './outbox';

/** How long a reply waits for its acknowledgement before it is left to the next reconnect. */
const ACK_TIMEOUT_MS = 10_000;
/** How often replies still waiting are tried again while connected (besides after each reconnect). */
const RETRY_MS = 15_000;

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** What the composer sends: a reply the visitor sees, or a private note for operators. */
export type ComposeMode = 'reply' | 'note';

/** Header actions on the open chat; each is acknowledged with the changed chat. */
export type ChatAction =
  | { kind: 'resolve' }
  | { kind: 'reopen' }
  | { kind: 'handback' }
  | { kind: 'takeover' }
  | { kind: 'assign'; operatorId: string | null };

/** Everything the inbox shows, as one value: a new object after every change, never changed in place. */
export type InboxSnapshot = Readonly<{
  /** The realtime connection while started (the chat view's hooks listen on it too). */
  socket: AdminSocket | null;
  /** The chat list, newest activity first. */
  chats: readonly ChatSummaryDto[];
  /** The list came once at least. */
  loaded: boolean;
  listError: InboxError | null;
  selectedId: string | null;
  /** The open chat's messages, by sequence. */
  messages: readonly MessageDto[];
  /** Every reply and note waiting for the server (all chats), oldest first. */
  outbox: readonly OutboxEntry[];
  connection: ConnectionState;
  /** The last refusal of something done in the open chat. */
  error: InboxError | null;
  /** Chats taken from the AI here. */
  takenOver: ReadonlySet<string>;
}>;

export type InboxStoreOptions = {
  operatorId: string;
  /** Open this chat once connected (`/inbox?chat=…`). */
  initialChatId?: string | null;
  /** Where waiting replies survive a reload: the tab's sessionStorage (null: memory only). */
  storage: OutboxStorage | null;
  ackTimeoutMs?: number;
  retryMs?: number;
};

function sortChats(chats: readonly ChatSummaryDto[]): ChatSummaryDto[] {
  const at = (c: ChatSummaryDto) => c.lastMessage?.createdAt ?? c.createdAt;
  return [...chats].sort((a, b) => at(b).localeCompare(at(a)));
}

function upsertChats(all: readonly ChatSummaryDto[], incoming: readonly ChatSummaryDto[]): ChatSummaryDto[] {
  const ids = new Set(incoming.map((c) => c.id));
  return sortChats([...incoming, ...all.filter((c) => !ids.has(c.id))]);
}

const STATUS_QUERIES: Record<StatusFilter, string> = {
  open: '/chats',
  snoozed: '/chats?status=SNOOZED',
  resolved: '/chats?status=RESOLVED',
};
const statusQuery = (status: StatusFilter) => STATUS_QUERIES[status];

/** Nobody owns the chat and the AI has it or hands it over: a reply or "Take over" takes it from the AI. */
function heldByAi(chat: ChatSummaryDto | undefined): boolean {
  return chat !== undefined && chat.assignedOperatorId === null && (chat.aiState === 'AI' || chat.aiState === 'WAITING_FOR_HUMAN');
}

/**
 * The inbox's live state, without React: the chat list (REST, then `chats:updated`), the open
 * chat's messages (`admin:join`, then `message:created`), read receipts from the visitor
 * (`message:read`), sending replies and notes, and the header actions. After a reconnect it
 * reloads the list and resumes the open chat after the last sequence it has, so nothing is missed.
 * Opening a chat only reads it (it changes nobody's chat, nor the AI's hold): "Assign to me" /
 * "Take over" (`act`) or a reply takes it; `takenOver` names the chats taken from the AI here. A reply or note not acknowledged yet stays in the outbox (shown as sending, kept across a
 * reload of the tab) and is sent again, with the same client id, after every reconnect until it is.
 *
 * Read it with `subscribe` / `getSnapshot` (React: `useSyncExternalStore`, see `use-inbox.ts`);
 * `start` connects, `stop` disconnects (and may be followed by another `start`).
 */
export class InboxStore {
  private state: InboxSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly operatorId: string;
  private readonly ackTimeoutMs: number;
  private readonly retryMs: number;
  private api: { apiUrl: string; token: string } | null = null;
  private socket: AdminSocket | null = null;
  private retryTimer: ReturnType<typeof setInterval> | null = null;
  private statusFilter: StatusFilter = 'open';
  /** The chat last joined (acknowledged): joining it again is a resume, not an opening. */
  private joined: string | null = null;

  constructor(options: InboxStoreOptions) {
    this.operatorId = options.operatorId;
    this.ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.retryMs = options.retryMs ?? RETRY_MS;
    this.outbox = new Outbox(options.storage, `chatiq.outbox.${options.operatorId}`);
    this.state = {
      socket: null,
      chats: [],
      loaded: false,
      listError: null,
      selectedId: options.initialChatId ?? null,
      messages: [],
      outbox: this.outbox.all(),
      connection: 'connecting',
      error: null,
      takenOver: new Set(),
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): InboxSnapshot => this.state;

  /**
   * Loads the list over REST at once, not only once the socket is up (a tab reloaded while the
   * realtime connection cannot be made still shows its chats, and the replies waiting in the
   * outbox as sending), then connects. Each connect reads the list again (after subscribing, so
   * nothing falls between), sends what waits in the outbox and joins the open chat.
   */
  start(apiUrl: string, token: string): void {
    this.stop();
    this.api = { apiUrl, token };
    void this.loadChats(this.statusFilter);
    const socket = connectAdminSocket(apiUrl, token);
    this.socket = socket;
    this.set({ socket });
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', () => this.set({ connection: 'offline' }));
    socket.on('connect_error', () => this.set({ connection: 'offline' }));
    socket.on('chats:updated', ({ chats }) => this.set({ chats: upsertChats(this.state.chats, chats) }));
    socket.on('message:created', ({ message }) => this.addMessage(message));
    // The AI's stored answer comes with the end of its stream too (and as message:created).
    socket.on('ai:done', ({ message }) => this.addMessage(message));
    socket.on('message:read', ({ chatId, seq, by }) => {
      if (by !== 'visitor') return;
      this.set({
        chats: this.state.chats.map((c) => (c.id === chatId && c.visitorLastReadSeq < seq ? { ...c, visitorLastReadSeq: seq } : c)),
      });
    });
    this.retryTimer = setInterval(() => {
      if (this.socket?.connected && this.outbox.all().length) void this.flushOutbox();
    }, this.retryMs);
  }

  /** Closes the connection and stops retrying (the state stays, for a later `start`). */
  stop(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.close();
    this.set({ socket: null });
  }

  /** Opens a chat: leaves the previous one, clears the messages, joins (reading only: nobody's chat changes). */
  readonly select = (chatId: string): void => {
    const previous = this.state.selectedId;
    if (previous === chatId) return;
    if (previous) this.socket?.emit('admin:leave', { chatId: previous }, () => {});
    this.set({ selectedId: chatId, messages: [], error: null });
    void this.join(chatId, 0);
  };

  /** Closes the open chat (back to the list): leaves it and forgets its messages. */
  readonly deselect = (): void => {
    const previous = this.state.selectedId;
    if (!previous) return;
    this.socket?.emit('admin:leave', { chatId: previous }, () => {});
    this.joined = null;
    this.set({ selectedId: null, messages: [], error: null });
  };

  /** The list's status filter: loads that part of the list (the chats already loaded stay). */
  readonly changeStatusFilter = (status: StatusFilter): void => {
    this.statusFilter = status;
    void this.loadChats(status);
  };

  /** Adds a message of the open chat (also one stored by another route: an uploaded attachment). */
  readonly addMessage = (message: MessageDto): void => {
    if (message.chatId === this.state.selectedId) this.set({ messages: mergeMessages(this.state.messages, [message]) });
  };

  /** Replaces a chat's summary (an acknowledged change, e.g. the operator's read receipt). */
  readonly updateChat = (chat: ChatSummaryDto): void => {
    this.set({ chats: upsertChats(this.state.chats, [chat]) });
  };

  /**
   * Sends a reply or a note. False when the server refused it (the composer keeps the draft); true
   * once it is stored, or waiting in the outbox for the connection to come back.
   */
  readonly send = async (text: string, mode: ComposeMode = 'reply'): Promise<boolean> => {
    const chatId = this.state.selectedId;
    if (!chatId) return false;
    const before = this.chat(chatId);
    const entry: OutboxEntry = {
      clientId: crypto.randomUUID(),
      chatId,
      event: mode === 'note' ? 'admin:note' : 'admin:message',
      text,
      createdAt: new Date().toISOString(),
    };
    this.outbox.add(entry);
    this.set({ outbox: this.outbox.all() });
    const result = await this.deliver(entry);
    if (result === 'refused') return false;
    // A reply to a chat the AI held takes it over (the server's rule).
    if (result === 'sent' && mode === 'reply' && heldByAi(before)) this.markTakenOver(chatId, true);
    return true;
  };

  /** A header action on the open chat (resolve, reopen, hand back, take over, assign). */
  readonly act = async (action: ChatAction): Promise<void> => {
    const socket = this.socket;
    const chatId = this.state.selectedId;
    if (!socket || !chatId) return;
    const ack =
      action.kind === 'assign' || action.kind === 'takeover'
        ? await socket.emitWithAck('chat:assign', { chatId, operatorId: action.kind === 'takeover' ? this.operatorId : action.operatorId })
        : action.kind === 'handback'
          ? await socket.emitWithAck('chat:handback', { chatId })
          : await socket.emitWithAck(action.kind === 'resolve' ? 'chat:resolve' : 'chat:reopen', { chatId });
    if (!ack.ok) {
      this.set({ error: { code: ack.code, message: ack.message } });
      return;
    }
    const data: ChatAckData = ack.data;
    this.set({ error: null, chats: upsertChats(this.state.chats, [data.chat]) });
    if (action.kind === 'takeover') this.markTakenOver(chatId, true);
    if (action.kind === 'handback' || action.kind === 'assign') this.markTakenOver(chatId, false);
  };

  /**
   * Snoozes a chat until `until` (a Date, or an ISO date-time with a zone): it leaves the open
   * chats and comes back by itself at that time, or when the visitor writes. Snoozing a snoozed
   * chat moves the time. False when the server refused (the error is in the snapshot) or the
   * inbox is not connected.
   */
  readonly snooze = async (chatId: string, until: Date | string): Promise<boolean> => {
    const socket = this.socket;
    if (!socket) return false;
    const ack = await socket.emitWithAck('chat:snooze', { chatId, until: typeof until === 'string' ? until : until.toISOString() });
    if (!ack.ok) {
      this.set({ error: { code: ack.code, message: ack.message } });
      return false;
    }
    const data: ChatAckData = ack.data;
    this.set({ error: null, chats: upsertChats(this.state.chats, [data.chat]) });
    return true;
  };

  /**
   * Assigns the open chat to this operator (`chat:assign`; the "assign to me" shortcut and
   * command): a chat the AI holds is taken over, as by "Take over".
   */
  readonly assignToMe = (): Promise<void> => {
    const chatId = this.state.selectedId;
    if (!chatId) return Promise.resolve();
    return this.act(heldByAi(this.chat(chatId)) ? { kind: 'takeover' } : { kind: 'assign', operatorId: this.operatorId });
  };

  private set(patch: Partial<InboxSnapshot>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private chat(chatId: string): ChatSummaryDto | undefined {
    return this.state.chats.find((c) => c.id === chatId);
  }

  private markTakenOver(chatId: string, taken: boolean): void {
    if (this.state.takenOver.has(chatId) === taken) return;
    const next = new Set(this.state.takenOver);
    if (taken) next.add(chatId);
    else next.delete(chatId);
    this.set({ takenOver: next });
  }

  private onConnect(): void {
    this.set({ connection: 'online' });
    void this.flushOutbox();
    void this.loadChats(this.statusFilter);
    const chatId = this.state.selectedId;
    if (!chatId) return;
    // A reconnect resumes the open chat after the last message it has; a first join opens it.
    void this.join(chatId, this.joined === chatId ? resumeSeq(this.state.messages, 'operator') : 0);
  }

  private loadChats(status: StatusFilter): Promise<void> {
    const api = this.api;
    if (!api) return Promise.resolve();
    return apiFetch<ChatSummaryDto[]>(api.apiUrl, statusQuery(status), { token: api.token })
      .then((list) => this.set({ chats: upsertChats(this.state.chats, list), loaded: true, listError: null }))
      .catch((e: unknown) => this.set({ listError: { code: e instanceof ApiError ? e.body.code : 'list_failed', message: String(e) } }));
  }

  private async join(chatId: string, afterSeq: number): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const ack = await socket.emitWithAck('admin:join', { chatId, afterSeq });
    if (!ack.ok) {
      this.set({ error: { code: ack.code, message: ack.message } });
      return;
    }
    const data: AdminJoinResult = ack.data;
    if (this.state.selectedId !== chatId) return;
    this.joined = chatId;
    // Merged, never replacing: `select` already cleared another chat's messages, and a reply the
    // outbox delivered while this join was on its way is not in the history it answers.
    this.set({ messages: mergeMessages(this.state.messages, data.messages), chats: upsertChats(this.state.chats, [data.chat]) });
  }

  /**
   * Sends an outbox entry and waits for its acknowledgement: 'sent' (stored; now a message),
   * 'refused' (the server said no for good: dropped, the error shown) or 'waiting' (offline, no
   * answer in time or a refusal that may pass, by the contract's retry rule: kept, tried again
   * after the next reconnect or `retryMs`).
   */
  private async deliver(entry: OutboxEntry): Promise<'sent' | 'refused' | 'waiting'> {
    const socket = this.socket;
    if (!socket?.connected) return 'waiting';
    let ack: Awaited<ReturnType<AdminSocket['emitWithAck']>>;
    try {
      ack = await socket
        .timeout(this.ackTimeoutMs)
        .emitWithAck(entry.event, { chatId: entry.chatId, clientId: entry.clientId, text: entry.text });
    } catch {
      return 'waiting';
    }
    if (!ack.ok && afterRefusal(ack.code) === 'waiting') {
      this.set({ error: { code: ack.code, message: ack.message } });
      return 'waiting';
    }
    this.outbox.remove(entry.clientId);
    if (!ack.ok) {
      this.set({ outbox: this.outbox.all(), error: { code: ack.code, message: ack.message } });
      return 'refused';
    }
    const { message } = ack.data as MessageAckData;
    this.set({
      outbox: this.outbox.all(),
      error: null,
      messages: message.chatId === this.state.selectedId ? mergeMessages(this.state.messages, [message]) : this.state.messages,
    });
    return 'sent';
  }

  /** Resends what is still waiting, oldest first (after a reconnect). */
  private async flushOutbox(): Promise<void> {
    for (const entry of this.outbox.all()) {
      if ((await this.deliver(entry)) === 'waiting') return; // offline again: the next reconnect goes on
    }
  }
}

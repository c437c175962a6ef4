import type {
  Ack,
  EmptyAck,
  ErrorCode,
  MessageDto,
  VisitorConversationResult,
  VisitorHistoryResult,
  VisitorIdentifyAck,
  VisitorIdentifyPayload,
  VisitorJoinResult,
  VisitorTranscriptPayload,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { CONTRACT_VERSION, WIDGET_NAMESPACE } from '@chatiq/contracts/protocol';
import { type ConnectError, SioClient } from './sio.js';
import type { VisitorIdStore } from './visitor-id-store.js';

/** Handshake refusals that no retry can fix: the widget stops reconnecting and says why. */
const FATAL_HANDSHAKE_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'origin_not_allowed',
  'site_not_found',
  'validation_failed',
  'contract_version_unsupported',
]);

const ACK_TIMEOUT_MS = 10_000;
const RESEND_DELAY_MS = 2_000;
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 30_000;
const MAX_URL_LENGTH = 2048;
const MAX_TITLE_LENGTH = 500;
const MAX_LOCALE_LENGTH = 35;

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'online' }
  | { kind: 'offline' }
  /** Connected, but `visitor:join` failed; it is retried. */
  | { kind: 'join-failed'; code: ErrorCode }
  /** The server refused this site or page for good; the socket is closed. */
  | { kind: 'refused'; code: string; message: string };

/** What the server sends the widget: each event's payload, by name. */
export type ServerEvents = { [E in keyof WidgetServerToClientEvents]: Parameters<WidgetServerToClientEvents[E]>[0] };
type AckOf<E extends keyof WidgetClientToServerEvents> = Parameters<Parameters<WidgetClientToServerEvents[E]>[1]>[0];
type PayloadOf<E extends keyof WidgetClientToServerEvents> = Parameters<WidgetClientToServerEvents[E]>[0];

export interface ConnectionEvents {
  state(state: ConnectionState): void;
  /** A successful `visitor:join`; `first` for the first one of this page. */
  joined(result: VisitorJoinResult, first: boolean): void;
  /** Stored messages: acknowledged visitor messages. */
  messages(messages: MessageDto[]): void;
  /**
   * The server refused one of the visitor's messages. Whether it is sent again after the next
   * join is the chat state's call (`unsent`, by the contract's retry rule).
   */
  sendFailed(clientId: string, code: ErrorCode): void;
  /** Any event the server sends (`admin:message`, `ai:delta`, `settings:update`…). */
  event<E extends keyof ServerEvents>(name: E, payload: ServerEvents[E]): void;
}

export interface ConnectionOptions {
  apiUrl: string;
  siteId: string;
  /** The locale the visitor reads the widget in, at each join (the server picks the welcome text by it). */
  locale(): string;
  visitorIds: VisitorIdStore;
  /** The visitor's current chat and the highest seq the widget has of it. */
  lastSeen(): { chatId: string | null; seq: number };
  page(): { url: string; title: string };
  /**
   * The visitor's messages the server has not stored yet, in the order written: sent again, with
   * the same clientId, after each join (the chat state keeps them: `unsentMessages`).
   */
  unsent(): readonly { clientId: string; text: string }[];
  /**
   * Called at the first connect (the server took the site and the page's origin); the first join
   * waits for it (the site's settings: the locale depends on them).
   */
  beforeFirstJoin?: () => Promise<unknown>;
  events: ConnectionEvents;
}

/**
 * The widget's one Socket.IO connection to `${apiUrl}/widget` (sio.ts). It is opened by `start()`
 * (when the visitor first opens the chat), joins as the stored visitor after every (re)connect,
 * and sends the visitor's unacknowledged messages (`unsent`) again, with the same clientId,
 * after each join until the server acknowledges them.
 */
export class WidgetConnection {
  private client: SioClient | null = null;
  private joined = false;
  private joinedOnce = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private joinedVisitorId: string | null = null;
  private readonly joinWaiters: (() => void)[] = [];
  private firstConnect: Promise<unknown> | undefined;

  constructor(private readonly options: ConnectionOptions) {}

  start(): void {
    if (this.client) return;
    const { apiUrl, siteId, events } = this.options;
    events.state({ kind: 'connecting' });
    const client = new SioClient(
      {
        url: apiUrl,
        namespace: WIDGET_NAMESPACE,
        auth: () => ({ siteId, contractVersion: CONTRACT_VERSION }),
        reconnectionDelay: 1_000,
        reconnectionDelayMax: 10_000,
      },
      {
        connect: () => {
          clearTimeout(this.retryTimer);
          this.retries = 0;
          void this.join(false);
        },
        disconnect: (reason) => {
          this.joined = false;
          if (reason !== 'io client disconnect') events.state({ kind: 'offline' });
        },
        connectError: (error) => this.onConnectError(error),
        event: (name, args) => events.event(name as keyof ServerEvents, args[0] as never),
      },
    );
    this.client = client;
    client.open();
  }

  /** Closes the connection for good. */
  stop(): void {
    clearTimeout(this.retryTimer);
    this.client?.close();
  }

  /**
   * Sends now if joined; else the next join sends it (it is one of `unsent`). Same clientId = same
   * message.
   */
  send(clientId: string, text: string): void {
    if (this.joined) void this.emitMessage(clientId, text);
  }

  /** Whether `visitor:join` succeeded on the current connection (signals are only sent then). */
  get isJoined(): boolean {
    return this.joined;
  }

  /** The visitor id of the last successful join (the upload route needs it), or null before one. */
  get visitorId(): string | null {
    return this.joinedVisitorId;
  }

  /** Resolves once joined (at once when joined now): uploads wait for it. */
  whenJoined(): Promise<void> {
    if (this.joined) return Promise.resolve();
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  /** Who the visitor is (a form, or the page's `chtq.setUser`): `visitor:identify`. An error ack when not joined. */
  identify(payload: VisitorIdentifyPayload): Promise<Ack<VisitorIdentifyAck>> {
    return this.request('visitor:identify', payload);
  }

  /** Email the chat's transcript to the visitor: `visitor:transcript`. */
  transcript(payload: VisitorTranscriptPayload): Promise<Ack<EmptyAck>> {
    return this.request('visitor:transcript', payload);
  }

  /** The visitor's conversations on this site: `visitor:history`. */
  history(): Promise<Ack<VisitorHistoryResult>> {
    return this.request('visitor:history', {});
  }

  /** One of the visitor's conversations, read only: `visitor:conversation`. */
  chatMessages(chatId: string): Promise<Ack<VisitorConversationResult>> {
    return this.request('visitor:conversation', { chatId });
  }

  /** The visitor is typing (or stopped). Dropped when not joined: typing is ephemeral. */
  typing(typing: boolean): void {
    this.signal('visitor:typing', { typing });
  }

  /** The visitor has seen their chat up to `seq`. */
  read(seq: number): void {
    this.signal('visitor:read', { seq });
  }

  /** The visitor moved to another page. When not joined, the next join reports the page anyway. */
  page(page: { url: string; title: string }): void {
    this.signal('visitor:page', trimPage(page));
  }

  /** A signal: only while joined, and a lost one is not worth a retry (the next one supersedes it). */
  private signal<E extends 'visitor:typing' | 'visitor:read' | 'visitor:page'>(event: E, payload: PayloadOf<E>): void {
    if (this.joined) this.client?.emit(event, payload, () => {}, ACK_TIMEOUT_MS);
  }

  /** Sends an event and resolves with its acknowledgement (NOT_CONNECTED without one, or before the join unless it is the join). */
  private request<E extends keyof WidgetClientToServerEvents>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    const client = this.client;
    if (!client || !(this.joined || event === 'visitor:join')) return Promise.resolve(NOT_CONNECTED as AckOf<E>);
    return new Promise((resolve) => {
      client.emit(event, payload, (error, ack) => resolve(error ? (NOT_CONNECTED as AckOf<E>) : (ack as AckOf<E>)), ACK_TIMEOUT_MS);
    });
  }

  private async join(fromStart: boolean): Promise<void> {
    this.firstConnect ??= this.options.beforeFirstJoin?.() ?? Promise.resolve();
    await this.firstConnect;
    const client = this.client;
    if (!client?.connected) return; // the next connect joins
    const { visitorIds, events } = this.options;
    const lastSeen = this.options.lastSeen();
    const afterSeq = fromStart ? 0 : lastSeen.seq;
    const visitorId = visitorIds.read();
    const ack = await this.request('visitor:join', {
      ...(visitorId ? { visitorId } : {}),
      page: trimPage(this.options.page()),
      locale: this.options.locale().slice(0, MAX_LOCALE_LENGTH),
      afterSeq,
    });
    if (!client.connected || this.joined) return; // the next connect joins again
    if (!ack.ok) {
      if (ack.message !== NOT_CONNECTED.message) events.state({ kind: 'join-failed', code: ack.code });
      this.retryLater(() => void this.join(fromStart));
      return;
    }
    // Sequence numbers count per chat: if the visitor's chat changed, ask for all of the new one.
    if (afterSeq > 0 && ack.data.chatId !== lastSeen.chatId) return this.join(true);
    this.retries = 0;
    visitorIds.write(ack.data.visitorId);
    this.joinedVisitorId = ack.data.visitorId;
    this.joined = true;
    const first = !this.joinedOnce;
    this.joinedOnce = true;
    for (const resolve of this.joinWaiters.splice(0)) resolve();
    events.joined(ack.data, first);
    events.state({ kind: 'online' });
    void this.flushOutbox();
  }

  /** Sends what was not stored yet, one after the other: the server numbers them in the order written. */
  private async flushOutbox(): Promise<void> {
    for (const { clientId, text } of this.options.unsent()) {
      if (!this.joined) return; // the next join goes on
      if (this.isUnsent(clientId)) await this.emitMessage(clientId, text);
    }
  }

  private isUnsent(clientId: string): boolean {
    return this.options.unsent().some((message) => message.clientId === clientId);
  }

  private emitMessage(clientId: string, text: string): Promise<void> {
    const client = this.client;
    if (!client?.connected) return Promise.resolve(); // stays in the outbox until the next join
    return this.request('visitor:message', { clientId, text }).then((ack) => {
      if (!this.isUnsent(clientId)) return; // already acknowledged by an earlier attempt
      if (ack.ok) {
        this.options.events.messages([ack.data.message]);
      } else if (ack === NOT_CONNECTED) {
        // No answer in time: try again while connected; a disconnect resends after the next join.
        if (client === this.client && client.connected) setTimeout(() => this.resend(clientId), RESEND_DELAY_MS);
      } else {
        // Give up on this copy and tell the visitor: a refusal that may pass (rate_limited,
        // internal_error…) is sent again after the next join or by hand, one that cannot is not.
        this.options.events.sendFailed(clientId, ack.code);
      }
    });
  }

  private resend(clientId: string): void {
    const message = this.options.unsent().find((unsent) => unsent.clientId === clientId);
    if (message && this.joined) void this.emitMessage(clientId, message.text);
  }

  private onConnectError(error: ConnectError): void {
    const data = error.data as { code?: unknown; message?: unknown } | undefined;
    const code = typeof data?.code === 'string' ? data.code : null;
    if (code !== null && FATAL_HANDSHAKE_CODES.has(code)) {
      this.stop();
      const message = typeof data?.message === 'string' ? data.message : error.message;
      this.options.events.state({ kind: 'refused', code, message });
      return;
    }
    // Refused by the server for now (database_unavailable…) or not reached: the client retries.
    this.options.events.state({ kind: 'offline' });
  }

  private retryLater(action: () => void): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(action, delay);
  }
}

/** The answer of a request made while not connected (or not answered in time). */
const NOT_CONNECTED = { ok: false, code: 'internal_error', message: 'not connected' } as const;

function trimPage(page: { url: string; title: string }): { url: string; title: string } {
  return { url: page.url.slice(0, MAX_URL_LENGTH), title: page.title.slice(0, MAX_TITLE_LENGTH) };
}

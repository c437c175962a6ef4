import type {
  Ack,
  AiAbortedPayload,
  AiDeltaPayload,
  AiDonePayload,
  AiHandoffPayload,
  AiTypingPayload,
  BusinessStatusPayload,
  ChatStatusPayload,
  EmptyAck,
  ErrorCode,
  MessageDto,
  ReadEventPayload,
  ServerErrorPayload,
  TypingEventPayload,
  VisitorIdentifyPayload,
  VisitorJoinResult,
  VisitorTranscriptPayload,
  WidgetSettingsPayload,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { io, type Socket } from 'socket.io-client';
import { CONTRACT_VERSION, WIDGET_NAMESPACE } from '@chatiq/contracts/protocol';
import type { VisitorIdStore } from './visitor-id-store.js';

type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

/** Handshake refusals that no retry can fix: the widget stops reconnecting and says why. */
const FATAL_HANDSHAKE_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'origin_not_allowed',
  'site_not_found',
  'validation_failed',
  'contract_version_unsupported',
]);

/** Refusals of one message that resending the same text cannot fix. */
const FINAL_SEND_CODES: ReadonlySet<string> = new Set<ErrorCode>(['validation_failed', 'payload_too_large']);

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
  | { kind: 'refused'; code: string };

export interface ConnectionEvents {
  state(state: ConnectionState): void;
  joined(result: VisitorJoinResult): void;
  /** Stored messages: acknowledged visitor messages and operator / AI / system replies. */
  messages(messages: MessageDto[]): void;
  /** The server refused one of the visitor's messages for good. */
  sendFailed(clientId: string, code: ErrorCode): void;
  /** The site's greeting for the visitor. */
  welcome(text: string): void;
  serverError(payload: ServerErrorPayload): void;
  /** An operator started or stopped typing in the visitor's chat. */
  typing(payload: TypingEventPayload): void;
  /** A read receipt (the widget cares about `by: 'operator'`). */
  read(payload: ReadEventPayload): void;
  /** The visitor's chat was resolved or reopened. */
  chatStatus(payload: ChatStatusPayload): void;
  /** The site owner changed the widget's look. */
  settings(payload: WidgetSettingsPayload): void;
  /** Online or offline (business hours), at join and at each boundary. */
  business(payload: BusinessStatusPayload): void;
  /** The assistant's answer: started, a piece of it, stored, dropped; the chat handed to people. */
  aiTyping(payload: AiTypingPayload): void;
  aiDelta(payload: AiDeltaPayload): void;
  aiDone(payload: AiDonePayload): void;
  aiAborted(payload: AiAbortedPayload): void;
  aiHandoff(payload: AiHandoffPayload): void;
}

export interface ConnectionOptions {
  apiUrl: string;
  siteId: string;
  locale: string;
  visitorIds: VisitorIdStore;
  /** The visitor's current chat and the highest seq the widget has of it. */
  lastSeen(): { chatId: string | null; seq: number };
  page(): { url: string; title: string };
  events: ConnectionEvents;
}

/**
 * The widget's one Socket.IO connection to `${apiUrl}/widget`. It is opened by `start()` (when
 * the visitor first opens the chat), joins as the stored visitor after every (re)connect,
 * and keeps the visitor's unacknowledged messages in an outbox that is sent again, with the
 * same clientId, after each join until the server acknowledges them.
 */
export class WidgetConnection {
  private socket: WidgetSocket | null = null;
  private joined = false;
  private refused = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** clientId → text, in the order the visitor wrote them. */
  private readonly outbox = new Map<string, string>();
  private joinedVisitorId: string | null = null;
  private readonly joinWaiters: (() => void)[] = [];

  constructor(private readonly options: ConnectionOptions) {}

  start(): void {
    if (this.socket) return;
    const { apiUrl, siteId, events } = this.options;
    events.state({ kind: 'connecting' });
    const socket: WidgetSocket = io(`${apiUrl}${WIDGET_NAMESPACE}`, {
      auth: { siteId, contractVersion: CONTRACT_VERSION },
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;

    socket.on('connect', () => {
      clearTimeout(this.retryTimer);
      this.retries = 0;
      this.join(false);
    });
    socket.on('disconnect', (reason) => {
      this.joined = false;
      if (reason === 'io client disconnect') return;
      events.state({ kind: 'offline' });
      // Socket.IO reconnects by itself after a lost connection, but not after the server closed the socket.
      if (reason === 'io server disconnect') this.retryLater(() => socket.connect());
    });
    socket.on('connect_error', (error) => this.onConnectError(error));
    socket.on('admin:message', (message) => events.messages([message]));
    // The visitor's own message, written in another tab: merged by id like any stored message.
    socket.on('visitor:message', (message) => events.messages([message]));
    socket.on('admin:typing', (payload) => events.typing(payload));
    socket.on('message:read', (payload) => events.read(payload));
    socket.on('chat:status', (payload) => events.chatStatus(payload));
    socket.on('settings:update', (payload) => events.settings(payload));
    socket.on('welcome:message', (payload) => events.welcome(payload.text));
    socket.on('business:status', (payload) => events.business(payload));
    socket.on('ai:typing', (payload) => events.aiTyping(payload));
    socket.on('ai:delta', (payload) => events.aiDelta(payload));
    socket.on('ai:done', (payload) => events.aiDone(payload));
    socket.on('ai:aborted', (payload) => events.aiAborted(payload));
    socket.on('ai:handoff', (payload) => events.aiHandoff(payload));
    socket.on('server:error', (payload) => events.serverError(payload));
  }

  /** Sends now if joined, else as soon as the next join succeeds. Same clientId = same message. */
  send(clientId: string, text: string): void {
    this.outbox.set(clientId, text);
    if (this.joined) this.emitMessage(clientId, text);
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

  /** The visitor gave their email (and name): `visitor:identify`. Answers an error ack when not connected. */
  identify(payload: VisitorIdentifyPayload): Promise<Ack<EmptyAck>> {
    return this.request('visitor:identify', payload);
  }

  /** Email the chat's transcript to the visitor: `visitor:transcript`. */
  transcript(payload: VisitorTranscriptPayload): Promise<Ack<EmptyAck>> {
    return this.request('visitor:transcript', payload);
  }

  /** The visitor is typing (or stopped). Dropped when not joined: typing is ephemeral. */
  typing(typing: boolean): void {
    if (this.joined) this.socket?.timeout(ACK_TIMEOUT_MS).emit('visitor:typing', { typing }, ignoreAck);
  }

  /** The visitor has seen their chat up to `seq`. */
  read(seq: number): void {
    if (this.joined) this.socket?.timeout(ACK_TIMEOUT_MS).emit('visitor:read', { seq }, ignoreAck);
  }

  /** The visitor moved to another page. When not joined, the next join reports the page anyway. */
  page(page: { url: string; title: string }): void {
    if (!this.joined) return;
    this.socket
      ?.timeout(ACK_TIMEOUT_MS)
      .emit('visitor:page', { url: page.url.slice(0, MAX_URL_LENGTH), title: page.title.slice(0, MAX_TITLE_LENGTH) }, ignoreAck);
  }

  private request(event: 'visitor:identify' | 'visitor:transcript', payload: object): Promise<Ack<EmptyAck>> {
    const socket = this.socket;
    if (!socket || !this.joined) return Promise.resolve(NOT_CONNECTED);
    return new Promise((resolve) => {
      // Both events have the same ack type; the payload was checked by the caller's types.
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit(event as 'visitor:transcript', payload as VisitorTranscriptPayload, (error, ack) => resolve(error ? NOT_CONNECTED : ack));
    });
  }

  private join(fromStart: boolean): void {
    const socket = this.socket;
    if (!socket?.connected) return; // the next connect joins
    const { visitorIds, events, locale } = this.options;
    const lastSeen = this.options.lastSeen();
    const afterSeq = fromStart ? 0 : lastSeen.seq;
    const visitorId = visitorIds.read();
    const page = this.options.page();
    socket.timeout(ACK_TIMEOUT_MS).emit(
      'visitor:join',
      {
        ...(visitorId ? { visitorId } : {}),
        page: { url: page.url.slice(0, MAX_URL_LENGTH), title: page.title.slice(0, MAX_TITLE_LENGTH) },
        locale: locale.slice(0, MAX_LOCALE_LENGTH),
        afterSeq,
      },
      (error, ack) => {
        if (socket !== this.socket || !socket.connected) return; // the next connect joins again
        if (error) return this.retryLater(() => this.join(fromStart));
        if (!ack.ok) {
          events.state({ kind: 'join-failed', code: ack.code });
          return this.retryLater(() => this.join(fromStart));
        }
        // Sequence numbers count per chat: if the visitor's chat changed, ask for all of the new one.
        if (afterSeq > 0 && ack.data.chatId !== lastSeen.chatId) return this.join(true);
        this.retries = 0;
        visitorIds.write(ack.data.visitorId);
        this.joinedVisitorId = ack.data.visitorId;
        this.joined = true;
        for (const resolve of this.joinWaiters.splice(0)) resolve();
        events.joined(ack.data);
        events.state({ kind: 'online' });
        for (const [clientId, text] of this.outbox) this.emitMessage(clientId, text);
      },
    );
  }

  private emitMessage(clientId: string, text: string): void {
    const socket = this.socket;
    if (!socket?.connected) return; // stays in the outbox until the next join
    socket.timeout(ACK_TIMEOUT_MS).emit('visitor:message', { clientId, text }, (error, ack) => {
      if (!this.outbox.has(clientId)) return; // already acknowledged by an earlier attempt
      if (error) {
        // No answer in time: try again while connected; a disconnect resends after the next join.
        if (socket === this.socket && socket.connected) setTimeout(() => this.resend(clientId), RESEND_DELAY_MS);
        return;
      }
      if (ack.ok) {
        this.outbox.delete(clientId);
        this.options.events.messages([ack.data.message]);
      } else if (FINAL_SEND_CODES.has(ack.code)) {
        this.outbox.delete(clientId);
        this.options.events.sendFailed(clientId, ack.code);
      } else {
        // rate_limited, internal_error, database_unavailable…: give up on this copy, tell the
        // visitor, and let them retry by hand (or a reconnect sends it again).
        this.options.events.sendFailed(clientId, ack.code);
      }
    });
  }

  private resend(clientId: string): void {
    const text = this.outbox.get(clientId);
    if (text !== undefined && this.joined) this.emitMessage(clientId, text);
  }

  private onConnectError(error: Error & { data?: unknown }): void {
    const socket = this.socket;
    if (!socket || this.refused) return;
    const code = handshakeErrorCode(error);
    if (code !== null && FATAL_HANDSHAKE_CODES.has(code)) {
      this.refused = true;
      socket.io.reconnection(false);
      socket.disconnect();
      console.warn(`[ChatIQ] The chat server refused this widget (${code}): ${handshakeErrorMessage(error)}`);
      this.options.events.state({ kind: 'refused', code });
      return;
    }
    this.options.events.state({ kind: 'offline' });
    // A refusal by the server's handshake middleware (e.g. database_unavailable) is not retried
    // by Socket.IO itself (`socket.active` is false), unlike a network failure.
    if (!socket.active) this.retryLater(() => socket.connect());
  }

  private retryLater(action: () => void): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(action, delay);
  }
}

/** The answer of a request made while not connected (or not answered in time). */
const NOT_CONNECTED: Ack<EmptyAck> = { ok: false, code: 'internal_error', message: 'not connected' };

/** Acks of signals (typing, read, page): a lost one is not worth a retry, the next one supersedes it. */
function ignoreAck(): void {}

function handshakeErrorCode(error: { data?: unknown }): string | null {
  const data = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  return typeof data.code === 'string' ? data.code : null;
}

function handshakeErrorMessage(error: Error & { data?: unknown }): string {
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
    return data.message;
  }
  return error.message;
}

// Clients that behave like the widget and the admin panel when the network misbehaves: they keep
// every message until it is acknowledged and resend it (same client id) after a reconnect, and
// on every (re)connect they resume after the last sequence number they saw.

import { randomUUID } from 'node:crypto';
import {
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  CONTRACT_VERSION,
  type MessageDto,
  resumeSeq,
  WIDGET_NAMESPACE,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { io, type Socket } from 'socket.io-client';

const RECONNECT = { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 300, randomizationFactor: 0.5 };

/** Resolves once `ready()` is true, checking on every tick of `interval`. */
async function until(ready: () => boolean, interval = 10): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, interval));
}

abstract class ReliableClient {
  /** Every message this client has seen, by id (live events and resumes, merged). */
  readonly seen = new Map<string, MessageDto>();
  protected joined = false;
  abstract socket: Socket;

  protected see(messages: MessageDto[]): void {
    for (const m of messages) this.seen.set(m.id, m);
  }

  protected abstract readonly audience: 'operator' | 'visitor';

  /** Where to resume a chat: before the first message this client is missing. */
  resumePoint(chatId: string | null): number {
    return resumeSeq(
      [...this.seen.values()].filter((m) => m.chatId === chatId),
      this.audience,
    );
  }

  /** Drops the connection as a flaky network would; the client reconnects by itself. */
  dropConnection(): void {
    this.socket.io.engine?.close();
  }

  close(): void {
    this.socket.close();
  }

  /** Emits until acknowledged; returns the stored message. */
  protected async deliver(emit: () => Promise<{ ok: boolean; data?: { message: MessageDto }; code?: string }>): Promise<MessageDto> {
    for (let attempt = 0; attempt < 200; attempt++) {
      await until(() => this.joined);
      try {
        const ack = await emit();
        if (ack.ok && ack.data) {
          this.see([ack.data.message]);
          return ack.data.message;
        }
        if (ack.code !== 'validation_failed' && ack.code !== 'rate_limited' && ack.code !== 'database_unavailable') {
          throw new Error(`refused: ${ack.code}`);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('refused')) throw error;
        // timed out or disconnected: resend the same message
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('gave up after 200 attempts');
  }
}

export class ReliableVisitor extends ReliableClient {
  protected readonly audience = 'visitor';
  socket: Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;
  visitorId: string | undefined;
  chatId: string | null = null;

  constructor(url: string, siteId: string) {
    super();
    this.socket = io(`${url}${WIDGET_NAMESPACE}`, {
      auth: { siteId, contractVersion: CONTRACT_VERSION },
      transports: ['websocket'],
      forceNew: true,
      ...RECONNECT,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => {
      this.joined = false;
    });
    this.socket.on('admin:message', (m) => this.see([m]));
  }

  private async join(): Promise<void> {
    for (;;) {
      try {
        const ack = await this.socket.timeout(2000).emitWithAck('visitor:join', {
          ...(this.visitorId ? { visitorId: this.visitorId } : {}),
          afterSeq: this.resumePoint(this.chatId),
        });
        if (!ack.ok) throw new Error(ack.code);
        this.visitorId = ack.data.visitorId;
        this.chatId = ack.data.chatId ?? this.chatId;
        this.see(ack.data.messages);
        this.joined = true;
        return;
      } catch {
        if (!this.socket.connected) return; // the next connect joins again
      }
    }
  }

  async ready(): Promise<this> {
    await until(() => this.joined);
    return this;
  }

  async send(text: string): Promise<MessageDto> {
    const clientId = randomUUID();
    const message = await this.deliver(() => this.socket.timeout(2000).emitWithAck('visitor:message', { clientId, text }));
    this.chatId = message.chatId;
    return message;
  }
}

export class ReliableOperator extends ReliableClient {
  protected readonly audience = 'operator';
  socket: Socket<AdminServerToClientEvents, AdminClientToServerEvents>;
  private readonly chats = new Set<string>();

  constructor(url: string, token: string) {
    super();
    this.socket = io(`${url}${ADMIN_NAMESPACE}`, {
      auth: { token, contractVersion: CONTRACT_VERSION },
      transports: ['websocket'],
      forceNew: true,
      ...RECONNECT,
    });
    this.socket.on('connect', () => void this.rejoinAll());
    this.socket.on('disconnect', () => {
      this.joined = false;
    });
    this.socket.on('message:created', ({ message }) => this.see([message]));
  }

  private async rejoinAll(): Promise<void> {
    for (;;) {
      try {
        for (const chatId of this.chats) {
          const ack = await this.socket.timeout(2000).emitWithAck('admin:join', { chatId, afterSeq: this.resumePoint(chatId) });
          if (!ack.ok) throw new Error(ack.code);
          this.see(ack.data.messages);
        }
        this.joined = true;
        return;
      } catch {
        if (!this.socket.connected) return;
      }
    }
  }

  async ready(): Promise<this> {
    await until(() => this.joined);
    return this;
  }

  /** Opens a chat (and keeps it open across reconnects). */
  async open(chatId: string): Promise<void> {
    this.chats.add(chatId);
    for (;;) {
      await until(() => this.joined);
      try {
        const ack = await this.socket.timeout(2000).emitWithAck('admin:join', { chatId, afterSeq: this.resumePoint(chatId) });
        if (!ack.ok) throw new Error(ack.code);
        this.see(ack.data.messages);
        return;
      } catch {
        // disconnected or timed out: the reconnect re-joins, and so do we
      }
    }
  }

  async reply(chatId: string, text: string): Promise<MessageDto> {
    const clientId = randomUUID();
    return this.deliver(() => this.socket.timeout(2000).emitWithAck('admin:message', { chatId, clientId, text }));
  }
}

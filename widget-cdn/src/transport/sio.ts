/**
 * A small Socket.IO client for the widget: the Socket.IO 5 protocol (what Socket.IO 4 servers
 * speak) over Engine.IO 4, on the WebSocket transport only, for one namespace. socket.io-client
 * is ≈ 13 KB gzip, half of the widget's budget for an open chat; this is ≈ 1.5 KB and does what
 * the widget uses: the handshake with `auth`, events both ways, acknowledgements with a timeout,
 * the server's heartbeat, and reconnection with exponential backoff and jitter. No HTTP
 * long-polling (a browser without WebSockets gets no chat), no binary packets (the widget sends
 * files over HTTP), no connection state recovery (the widget resumes by sequence numbers).
 *
 * Wire format (text frames): Engine.IO `0{open}`, `1` close, `2` ping → `3` pong, `4<Socket.IO>`;
 * Socket.IO `0/ns,{auth}` connect, `0/ns,{sid}` connected, `4/ns,{message,data}` refused,
 * `1/ns,` disconnect, `2/ns,<id>["event",…]` event, `3/ns,<id>[…]` acknowledgement.
 */

/** Why the connection ended, named as socket.io-client names it. */
export type DisconnectReason = 'io server disconnect' | 'io client disconnect' | 'transport close' | 'ping timeout';

/** A refused or failed connection attempt: the server's `next(error)` puts its body in `data`. */
export interface ConnectError {
  message: string;
  data?: unknown;
}

export interface SioHandlers {
  /** Connected to the namespace (again after every reconnection). */
  connect(): void;
  disconnect(reason: DisconnectReason): void;
  /** An attempt failed (refused by the server, or the WebSocket did not open); a retry follows unless `close()` is called. */
  connectError(error: ConnectError): void;
  /** An event from the server. */
  event(name: string, args: unknown[]): void;
}

export interface SioOptions {
  /** The server's base URL (http or https; a path is kept: `https://host/base` → `wss://host/base/socket.io/`). */
  url: string;
  namespace: string;
  /** The handshake's `auth`, read at each attempt. */
  auth: () => object;
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  /** Longest wait for the namespace's answer to an attempt. */
  connectTimeout?: number;
}

export type AckCallback = (error: Error | null, data?: unknown) => void;

const JITTER = 0.5;

export class SioClient {
  private ws: WebSocket | null = null;
  private isConnected = false;
  /** Connecting or reconnecting until `close()`. */
  private active = false;
  private attempts = 0;
  private nextAckId = 0;
  private readonly acks = new Map<number, AckCallback>();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Longest silence of the server (its ping interval + ping timeout) before the connection counts as lost. */
  private pingWindow = 45_000;

  constructor(
    private readonly options: SioOptions,
    private readonly handlers: SioHandlers,
  ) {
    // A lost network drops the socket at once (rather than at the next missed heartbeat), and
    // the network's return reconnects at once (rather than after the backoff).
    globalThis.addEventListener?.('offline', () => this.ws && this.drop('transport close'));
    globalThis.addEventListener?.('online', () => {
      if (this.active && !this.ws) this.attempt();
    });
  }

  /** Whether the namespace is connected now. */
  get connected(): boolean {
    return this.isConnected;
  }

  /** Starts connecting (and reconnecting after every loss) until `close()`. */
  open(): void {
    if (this.active) return;
    this.active = true;
    this.attempts = 0;
    this.attempt();
  }

  /** Disconnects for good (until the next `open()`). */
  close(): void {
    this.active = false;
    clearTimeout(this.reconnectTimer);
    if (this.isConnected) this.send(`41${this.options.namespace},`);
    if (this.ws) this.drop('io client disconnect');
  }

  /**
   * Sends an event. With `ack`, the server's acknowledgement is passed to it, or an error when
   * there is none within `timeoutMs`, the connection is lost first, or there is no connection.
   */
  emit(event: string, payload: unknown, ack?: AckCallback, timeoutMs = 10_000): void {
    if (!this.isConnected) {
      if (ack) setTimeout(() => ack(new Error('not connected')));
      return;
    }
    let id = '';
    if (ack) {
      const ackId = this.nextAckId++;
      id = String(ackId);
      const timer = setTimeout(() => this.settle(ackId, new Error('timeout')), timeoutMs);
      this.acks.set(ackId, (error, data) => {
        clearTimeout(timer);
        ack(error, data);
      });
    }
    this.send(`42${this.options.namespace},${id}${JSON.stringify([event, payload])}`);
  }

  private attempt(): void {
    clearTimeout(this.reconnectTimer);
    if (!this.active || this.ws) return;
    const url = `${this.options.url.replace(/^http/, 'ws').replace(/\/+$/, '')}/socket.io/?EIO=4&transport=websocket`;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch (error) {
      this.failed({ message: String(error) });
      return;
    }
    this.ws = ws;
    this.connectTimer = setTimeout(() => this.ws === ws && this.fail(ws, { message: 'timeout' }), this.options.connectTimeout ?? 20_000);
    ws.onmessage = (event) => {
      if (this.ws === ws && typeof event.data === 'string') this.onFrame(ws, event.data);
    };
    ws.onclose = ws.onerror = () => {
      if (this.ws !== ws) return;
      if (this.isConnected) this.drop('transport close');
      else this.fail(ws, { message: 'websocket error' });
    };
  }

  private onFrame(ws: WebSocket, frame: string): void {
    switch (frame[0]) {
      case '0': // Engine.IO open: the heartbeat's timing; then connect to the namespace
        this.heartbeat(frame);
        this.send(`40${this.options.namespace},${JSON.stringify(this.options.auth())}`);
        return;
      case '1':
        this.drop('transport close');
        return;
      case '2': // ping
        this.heartbeat();
        this.send('3');
        return;
      case '4':
        this.onPacket(ws, frame.slice(1));
    }
  }

  private onPacket(ws: WebSocket, packet: string): void {
    const type = packet[0];
    let rest = packet.slice(1);
    const { namespace } = this.options;
    if (rest.startsWith('/')) {
      const comma = rest.indexOf(',');
      if ((comma < 0 ? rest : rest.slice(0, comma)) !== namespace) return;
      rest = comma < 0 ? '' : rest.slice(comma + 1);
    } else if (namespace !== '/') {
      return;
    }
    const id = /^\d*/.exec(rest)?.[0] ?? '';
    let data: unknown;
    try {
      data = rest.length > id.length ? JSON.parse(rest.slice(id.length)) : undefined;
    } catch {
      return; // not ours to read (binary packets have a header we do not parse)
    }
    switch (type) {
      case '0': // connected
        clearTimeout(this.connectTimer);
        this.isConnected = true;
        this.attempts = 0;
        this.handlers.connect();
        return;
      case '1':
        this.drop('io server disconnect');
        return;
      case '2':
        if (Array.isArray(data) && typeof data[0] === 'string') {
          if (id) this.send(`43${namespace},${id}[]`);
          this.handlers.event(data[0], data.slice(1));
        }
        return;
      case '3':
        this.settle(Number(id), null, Array.isArray(data) ? data[0] : undefined);
        return;
      case '4': {
        const refusal = (data ?? {}) as ConnectError;
        this.fail(ws, { message: String(refusal.message ?? 'refused'), data: refusal.data });
      }
    }
  }

  /** (Re)arms the heartbeat: the connection is lost when no ping comes within interval + timeout. */
  private heartbeat(openFrame?: string): void {
    if (openFrame) {
      try {
        const open = JSON.parse(openFrame.slice(1)) as { pingInterval?: number; pingTimeout?: number };
        this.pingWindow = (open.pingInterval ?? 25_000) + (open.pingTimeout ?? 20_000);
      } catch {}
    }
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => this.ws && this.drop('ping timeout'), this.pingWindow);
  }

  /** An Engine.IO frame (a Socket.IO packet is `4` + the packet). */
  private send(frame: string): void {
    if (this.ws?.readyState === 1) this.ws.send(frame);
  }

  private settle(id: number, error: Error | null, data?: unknown): void {
    const ack = this.acks.get(id);
    if (!ack) return;
    this.acks.delete(id);
    ack(error, data);
  }

  /** Ends the current WebSocket; the pending acknowledgements fail. */
  private teardown(): void {
    const ws = this.ws;
    this.ws = null;
    this.isConnected = false;
    clearTimeout(this.heartbeatTimer);
    clearTimeout(this.connectTimer);
    if (ws) {
      ws.onmessage = ws.onclose = ws.onerror = null;
      ws.close();
    }
    for (const id of [...this.acks.keys()]) this.settle(id, new Error('disconnected'));
  }

  /** A connected socket was lost (or closed by us): `disconnect`, then a reconnection unless closed. */
  private drop(reason: DisconnectReason): void {
    const wasConnected = this.isConnected;
    this.teardown();
    if (wasConnected) this.handlers.disconnect(reason);
    this.scheduleReconnect();
  }

  /** An attempt failed before the namespace connected. */
  private fail(ws: WebSocket, error: ConnectError): void {
    if (this.ws !== ws) return;
    this.teardown();
    this.failed(error);
  }

  private failed(error: ConnectError): void {
    this.handlers.connectError(error); // may call close()
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    if (!this.active) return;
    const base = this.options.reconnectionDelay ?? 1_000;
    const max = this.options.reconnectionDelayMax ?? 5_000;
    let delay = base * 2 ** Math.min(this.attempts++, 16);
    delay += (Math.random() * 2 - 1) * JITTER * delay;
    this.reconnectTimer = setTimeout(() => this.attempt(), Math.min(max, delay) | 0);
  }
}

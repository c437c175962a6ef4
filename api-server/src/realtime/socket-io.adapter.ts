import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config.schema.js';

/** How long a shutdown lets clients answer the WebSocket closing handshake before cutting them off. */
const CLOSE_GRACE_MS = 1000;

type EngineConnection = { on(event: 'flush' | 'drain', listener: () => void): void; transport?: { name?: string; socket?: unknown } };
type Corkable = { cork(): void; uncork(): void };

/** The TCP socket under an engine.io connection's WebSocket (none while it long-polls). */
function tcpSocketOf(conn: EngineConnection): Corkable | null {
  if (conn.transport?.name !== 'websocket') return null;
  const tcp = (conn.transport.socket as { _socket?: Partial<Corkable> } | undefined)?._socket;
  return typeof tcp?.cork === 'function' && typeof tcp.uncork === 'function' ? (tcp as Corkable) : null;
}

/**
 * One write per flush instead of one per frame. Engine.io sends a connection's packets as they
 * come while its transport is writable, and queues the rest until the previous write completes,
 * then sends the queue in a loop, one WebSocket frame (and one system call) each. Corking the TCP
 * socket around each flush (engine.io's `flush` and `drain` events bracket it synchronously)
 * makes the queued frames a single write: the inbox updates of many chats reach an operator in
 * one system call. Nothing waits longer than before.
 */
function batchWebSocketWrites(server: Server): void {
  server.engine.on('connection', (conn: EngineConnection) => {
    let corked: Corkable | null = null;
    conn.on('flush', () => {
      corked = tcpSocketOf(conn);
      corked?.cork();
    });
    conn.on('drain', () => {
      corked?.uncork();
      corked = null;
    });
  });
}

/**
 * Socket.IO server options for every gateway, and, with REDIS_URL, the Redis adapter: rooms and
 * broadcasts are shared by every API node, so a visitor on one node and an operator on another
 * still talk. (Load balancers need sticky sessions for long-polling; see docs/deploy.md.)
 */
export class ChatiqIoAdapter extends IoAdapter {
  private redis: { pub: Redis; sub: Redis } | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app starts listening. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    this.redis = { pub, sub };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // Larger frames are refused by Socket.IO itself (the connection is closed); every field inside
    // a frame is bounded by the contract. Missed messages are recovered by our own sequence-based
    // resume, which also survives server restarts, so Socket.IO's connection state recovery is off.
    // CORS for Socket.IO's HTTP long-polling is set server-wide (otherwise the options of whichever
    // gateway starts first decide): any page may open the widget's socket, whose handshake then
    // checks the page's Origin against the site; the admin namespace needs its token, not cookies.
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: true, credentials: false },
      maxHttpBufferSize: this.config.socket.maxPayloadBytes,
    } as ServerOptions);
    if (this.redis) server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: this.config.redisChannelPrefix }));
    batchWebSocketWrites(server);
    return server;
  }

  /**
   * Closes the clients' connections (Socket.IO waits for the HTTP server to close, i.e. for every
   * connection to end). A graceful WebSocket close waits up to 30 s for each client to answer the
   * closing handshake, so one slow or stalled client would hold the whole shutdown: after
   * CLOSE_GRACE_MS the connections still open are cut. Clients reconnect (to another node) and
   * resume by sequence number either way.
   */
  override async close(server: Server): Promise<void> {
    // Called for the server and for each gateway's namespace (which has no engine of its own).
    const clients = (server.engine as unknown as { clients?: Record<string, EngineConnection> } | undefined)?.clients ?? {};
    const websockets = Object.values(clients)
      .map((conn) => (conn.transport?.name === 'websocket' ? (conn.transport.socket as { terminate?: () => void }) : null))
      .filter((ws) => typeof ws?.terminate === 'function');
    const cut = setTimeout(() => {
      for (const ws of websockets) ws?.terminate?.();
    }, CLOSE_GRACE_MS);
    try {
      await super.close(server);
    } finally {
      clearTimeout(cut);
    }
    if (this.redis) {
      const { pub, sub } = this.redis;
      this.redis = null;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    }
  }
}

import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config.schema.js';

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
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    if (this.redis) {
      const { pub, sub } = this.redis;
      this.redis = null;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    }
  }
}

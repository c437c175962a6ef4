import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';

export type RateLimitVerdict = 'ok' | 'limited' | 'disconnect';

/**
 * Per-socket event budget: `eventsPerSecond` events per one-second window. An event over budget is
 * refused with `rate_limited`; a socket that keeps going over (`maxStrikes` refusals) is
 * disconnected. Other sockets are unaffected: each has its own budget.
 */
export class SocketRateLimit {
  private readonly limiter: RateLimiterMemory;
  private readonly strikes = new Map<string, number>();

  constructor(private readonly options: { eventsPerSecond: number; maxStrikes: number }) {
    this.limiter = new RateLimiterMemory({ points: options.eventsPerSecond, duration: 1 });
  }

  async admit(socket: Socket): Promise<RateLimitVerdict> {
    try {
      await this.limiter.consume(socket.id);
      return 'ok';
    } catch {
      const strikes = (this.strikes.get(socket.id) ?? 0) + 1;
      this.strikes.set(socket.id, strikes);
      return strikes >= this.options.maxStrikes ? 'disconnect' : 'limited';
    }
  }

  forget(socket: Socket): void {
    this.strikes.delete(socket.id);
    void this.limiter.delete(socket.id);
  }
}

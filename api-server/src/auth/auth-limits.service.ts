import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * What a client IP is limited on, each with its own budget: AUTH_RATE_LIMIT per window for the
 * auth actions, WIDGET_RATE_LIMIT per minute for `widget` (the widget's public REST routes).
 */
export type AuthAction = 'login' | 'register' | 'password-change' | 'password-reset' | 'invitation-accept' | 'widget';

/** Reset mails one address can receive per hour (more requests still answer 202, silently). */
const RESET_MAILS_PER_HOUR = 5;

/**
 * The counters behind the auth rate limits: requests per client IP, failed logins per email (the
 * login backoff) and reset mails per email. In memory on one node; with REDIS_URL in Redis, so
 * every API node counts together (falling back to memory while Redis is unreachable).
 */
@Injectable()
export class AuthLimitsService implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly perIp: RateLimiterAbstract;
  private readonly widgetPerIp: RateLimiterAbstract;
  private readonly loginFailures: RateLimiterAbstract;
  private readonly resetMails: RateLimiterAbstract;
  private readonly maxFailures: number;
  private readonly lockoutSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limits = config.authLimits;
    this.maxFailures = limits.loginMaxFailures;
    this.lockoutSeconds = limits.loginLockoutSeconds;
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      if (!this.redis) return memory;
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.redisChannelPrefix}:${name}`,
        points,
        duration,
        insuranceLimiter: memory,
      });
    };
    this.perIp = limiter('auth-ip', limits.perIp, limits.windowSeconds);
    this.widgetPerIp = limiter('widget-ip', limits.widgetPerIpPerMinute, 60);
    this.loginFailures = limiter('login-failures', limits.loginMaxFailures, limits.loginFailureWindowSeconds);
    this.resetMails = limiter('reset-mails', RESET_MAILS_PER_HOUR, 3600);
  }

  async onModuleInit(): Promise<void> {
    await this.redis?.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /** Counts one request; null when allowed, else the seconds until the IP may try again. */
  async consumeIp(action: AuthAction, ip: string): Promise<number | null> {
    try {
      await (action === 'widget' ? this.widgetPerIp : this.perIp).consume(`${action}:${ip}`);
      return null;
    } catch (rejection) {
      return retryAfter(rejection);
    }
  }

  /** Seconds this email's logins stay refused, or null when it may try. */
  async loginLockedFor(email: string): Promise<number | null> {
    const state = await this.loginFailures.get(email);
    return state && state.consumedPoints >= this.maxFailures ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : null;
  }

  /**
   * Records a failed login (or wrong current password); the last allowed failure starts the lockout
   * (then true). Counted per email whatever the client's address, so guesses spread over many
   * addresses still lock the account.
   */
  async loginFailed(email: string): Promise<boolean> {
    try {
      const state = await this.loginFailures.consume(email);
      if (state.consumedPoints < this.maxFailures) return false;
      await this.loginFailures.block(email, this.lockoutSeconds);
      return true;
    } catch (rejection) {
      retryAfter(rejection); // already over (concurrent failures): the lockout stands
      return false;
    }
  }

  /** A successful login (or a password reset) forgets earlier failures. */
  async loginSucceeded(email: string): Promise<void> {
    await this.loginFailures.delete(email);
  }

  /** Whether another reset mail may go to this address this hour. */
  async resetMailAllowed(email: string): Promise<boolean> {
    try {
      await this.resetMails.consume(email);
      return true;
    } catch (rejection) {
      retryAfter(rejection);
      return false;
    }
  }
}

/** Seconds to wait from a limiter's rejection; anything else (a store failure) is rethrown. */
function retryAfter(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
}

import { Inject, Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

/** The server-side event (Redis adapter) that drops a site's entry on the other API nodes. */
const DROP_EVENT = 'chatiq:site-cache-drop';

/** Longest an entry is used: the bound on staleness should another node's notice be lost. */
export const SITE_CACHE_TTL_MS = 10_000;

/**
 * One kind of per-site data read on the path of every message (the AI settings, business hours,
 * auto-reply rules), kept in memory. Whoever changes the data calls `invalidate` after the write:
 * the entry is dropped here at once and, with the Redis adapter, on every other node.
 */
export class SiteCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expires: number }>();

  constructor(
    readonly name: string,
    private readonly load: (siteId: string) => Promise<T>,
    private readonly broadcast: (name: string, siteId: string) => void,
    private readonly ttlMs: number,
  ) {}

  /** The site's data, loaded at most once per TTL (concurrent callers share one load). */
  get(siteId: string): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(siteId);
    if (hit && hit.expires > now) return hit.value;
    const value = this.load(siteId);
    const entry = { value, expires: now + this.ttlMs };
    this.entries.set(siteId, entry);
    // A failed load is not remembered; a load that an invalidation overtook is not either (the
    // entry is gone, so only the callers that asked before the change see its result).
    value.catch(() => {
      if (this.entries.get(siteId) === entry) this.entries.delete(siteId);
    });
    if (this.entries.size > 10_000) this.sweep(now);
    return value;
  }

  /** The site's data changed (call after the write): dropped here and on every other node. */
  invalidate(siteId: string): void {
    this.drop(siteId);
    this.broadcast(this.name, siteId);
  }

  /** @internal A notice from another node. */
  drop(siteId: string): void {
    this.entries.delete(siteId);
  }

  private sweep(now: number): void {
    for (const [siteId, entry] of this.entries) if (entry.expires <= now) this.entries.delete(siteId);
  }
}

/**
 * Creates the per-site caches and carries their invalidations between API nodes: over the
 * Socket.IO Redis adapter (`serverSideEmit` on the admin namespace), which every node already
 * shares; on a single node there is nobody to tell.
 */
@Injectable()
export class SiteCachesService {
  private readonly caches = new Map<string, SiteCache<unknown>>();
  private ns?: Namespace;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  create<T>(name: string, load: (siteId: string) => Promise<T>, ttlMs = SITE_CACHE_TTL_MS): SiteCache<T> {
    if (this.caches.has(name)) throw new Error(`site cache ${name} exists`);
    const cache = new SiteCache<T>(name, load, (n, siteId) => this.broadcast(n, siteId), ttlMs);
    this.caches.set(name, cache as SiteCache<unknown>);
    return cache;
  }

  /** For writers that do not hold the cache: drops `name`'s entry of the site everywhere. */
  invalidate(name: string, siteId: string): void {
    this.caches.get(name)?.drop(siteId);
    this.broadcast(name, siteId);
  }

  /** Called by the fan-out once the admin namespace exists. */
  attach(ns: Namespace): void {
    this.ns = ns;
    if (!this.config.redisUrl) return;
    ns.on(DROP_EVENT, (name: unknown, siteId: unknown) => {
      if (typeof name === 'string' && typeof siteId === 'string') this.caches.get(name)?.drop(siteId);
    });
  }

  private broadcast(name: string, siteId: string): void {
    if (this.config.redisUrl) this.ns?.serverSideEmit(DROP_EVENT, name, siteId);
  }
}

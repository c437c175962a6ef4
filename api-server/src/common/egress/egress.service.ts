import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Agent } from 'undici';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { EgressAllowRule } from '../../config/egress-allow-list.js';
import { createEgressAgent, type EgressFetch, fetchThrough, findEgressRefusal, resolveChecked, systemLookup } from './egress-agent.js';

export type { EgressFetch } from './egress-agent.js';

/**
 * The server's one way out to tenant-controlled URLs: a `fetch` over the egress agent, which
 * refuses local, private and special addresses unless EGRESS_ALLOW names them, checks every
 * redirect hop and every connection, and times out connections.
 */
@Injectable()
export class EgressService implements OnModuleDestroy {
  private readonly logger = new Logger(EgressService.name);
  private readonly agent: Agent;
  /** Every request to a URL a tenant controls goes through this (the AI base URL today). */
  readonly fetch: EgressFetch;

  private readonly allow: readonly EgressAllowRule[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allow = config.egress.allow;
    this.agent = createEgressAgent({ allow: config.egress.allow, connectTimeoutMs: config.egress.connectTimeoutMs });
    this.fetch = fetchThrough(this.agent);
    if (config.egress.allow.length > 0) {
      this.logger.log(
        { allow: config.egress.allow.map((rule) => rule.text) },
        'EGRESS_ALLOW: these local or private destinations may be reached',
      );
    }
  }

  /**
   * Why `url` may not be reached (its host resolves to a refused address), or null when it may
   * today: for checking a URL when it is saved. Every request is checked again when it connects.
   */
  async refusal(url: string): Promise<string | null> {
    const parsed = new URL(url);
    // Keep in step with the agent: the check there is per connection, this one is a preview.
    const port = Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80);
    try {
      await resolveChecked(parsed.hostname, port, this.allow, systemLookup);
      return null;
    } catch (error) {
      const refusal = findEgressRefusal(error);
      // A host that does not resolve (yet) is not refused here: its deliveries fail until it does.
      return refusal ? refusal.message : null;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.destroy();
  }
}

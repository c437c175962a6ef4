import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Agent } from 'undici';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { createEgressAgent, type EgressFetch, fetchThrough } from './egress-agent.js';

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

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.agent = createEgressAgent({ allow: config.egress.allow, connectTimeoutMs: config.egress.connectTimeoutMs });
    this.fetch = fetchThrough(this.agent);
    if (config.egress.allow.length > 0) {
      this.logger.log(
        { allow: config.egress.allow.map((rule) => rule.text) },
        'EGRESS_ALLOW: these local or private destinations may be reached',
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.destroy();
  }
}

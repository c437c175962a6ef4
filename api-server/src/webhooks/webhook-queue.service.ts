import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, PgBoss } from 'pg-boss';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { WebhookJob } from './webhook-job.js';

/** The pg-boss queue every delivery attempt goes through. */
export const WEBHOOK_QUEUE = 'webhook-delivery';

/**
 * The job queue on the application's own PostgreSQL (pg-boss, schema `pgboss`, installed and
 * migrated by pg-boss when the API starts). Every API node sends and works: a job is claimed by one
 * node (`FOR UPDATE SKIP LOCKED`); a failed attempt is retried with exponential backoff and
 * jitter; a job whose node died mid-attempt is retried once it expires (`expireInSeconds`).
 */
@Injectable()
export class WebhookQueueService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookQueueService.name);
  private readonly boss: PgBoss;
  private started?: Promise<void>;
  private handler?: (job: Job<WebhookJob>) => Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      max: 4,
      application_name: 'chatiq-webhooks',
      superviseIntervalSeconds: Math.max(1, Math.min(60, Math.ceil(config.webhooks.timeoutMs / 1000))),
      monitorIntervalSeconds: 60,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'webhook queue error'));
  }

  /** The function that makes one attempt; it throws when the attempt failed (pg-boss retries). */
  process(handler: (job: Job<WebhookJob>) => Promise<void>): void {
    this.handler = handler;
  }

  onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<void> {
    const w = this.config.webhooks;
    await this.boss.start();
    const queue = {
      retryLimit: w.retryLimit,
      retryDelay: w.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: w.retryDelayMaxSeconds,
      // An attempt lasts at most the timeout; a job still active well after it lost its node.
      expireInSeconds: Math.ceil(w.timeoutMs / 1000) + 5,
      notify: true,
    };
    if (await this.boss.getQueue(WEBHOOK_QUEUE)) await this.boss.updateQueue(WEBHOOK_QUEUE, queue);
    else
      await this.boss.createQueue(WEBHOOK_QUEUE, queue).catch(async (error: unknown) => {
        // Another node created it meanwhile.
        if (!(await this.boss.getQueue(WEBHOOK_QUEUE))) throw error;
      });
    await this.boss.work<WebhookJob>(
      WEBHOOK_QUEUE,
      {
        batchSize: 1,
        localConcurrency: 4,
        pollingIntervalSeconds: w.pollSeconds,
        notifyPollingIntervalSeconds: Math.max(w.pollSeconds, 5),
      },
      async ([job]) => {
        if (job && this.handler) await this.handler(job);
      },
    );
  }

  /** Queues one attempt series (first attempt as soon as a worker is free). */
  async send(job: WebhookJob): Promise<void> {
    await this.started;
    await this.boss.send(WEBHOOK_QUEUE, job);
  }

  async onModuleDestroy(): Promise<void> {
    await this.started?.catch(() => undefined);
    // Attempts in flight finish (they are bounded by the timeout); the rest wait in the table.
    await this.boss.stop({ graceful: true, timeout: this.config.webhooks.timeoutMs + 1000, close: true });
  }
}

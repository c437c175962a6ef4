import { WEBHOOK_HEADERS, type WebhookEvent } from '@chatiq/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'pg-boss';
import { EgressService } from '../common/egress/egress.service.js';
import { findEgressRefusal } from '../common/egress/egress-agent.js';
import { SecretBoxError } from '../common/secret-box/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { WebhookSubscription } from '../generated/prisma/client.js';
import { MailService } from '../mail/mail.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import type { WebhookJob } from './webhook-job.js';
import { WebhookQueueService } from './webhook-queue.service.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';
import { signatureHeader } from './webhook-signature.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

/** Why an attempt failed, in our words (never the receiver's body). */
class AttemptFailed extends Error {}

type Outcome = { delivered: boolean; status: number | null; error: string | null; durationMs: number };

/**
 * One attempt per queued job run: POST the event, signed, through the egress guard (checked on
 * every connection), within the timeout; a 2xx is delivered, anything else throws so that the
 * queue retries it later. Every attempt is logged (`WebhookDelivery`). A run of failures that
 * lasts long enough disables the subscription and mails the organization's owners (one node does:
 * a conditional update decides).
 */
@Injectable()
export class WebhookDeliveryService implements OnModuleInit {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly egress: EgressService,
    private readonly queue: WebhookQueueService,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly secrets: WebhookSecretsService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.queue.process((job) => this.attempt(job));
  }

  private async attempt(job: Job<WebhookJob>): Promise<void> {
    const { webhookId, event } = job.data;
    const subscription = await this.prisma.webhookSubscription.findUnique({ where: { id: webhookId } });
    // Deleted or disabled meanwhile: nothing more to send (a re-enabled one gets new events).
    if (!subscription?.enabled) return;
    const body = JSON.stringify(event);
    const outcome = await this.post(subscription, event, body);
    await this.prisma.webhookDelivery.create({
      data: {
        organizationId: subscription.organizationId,
        webhookId,
        eventId: event.id,
        eventType: event.type,
        attempt: job.retryCount + 1,
        payload: event,
        responseStatus: outcome.status,
        durationMs: outcome.durationMs,
        error: outcome.error,
        delivered: outcome.delivered,
      },
    });
    if (outcome.delivered) {
      if (subscription.consecutiveFailures > 0) {
        await this.prisma.webhookSubscription.updateMany({
          where: { id: webhookId },
          data: { consecutiveFailures: 0, failingSince: null },
        });
      }
      return;
    }
    await this.failed(subscription);
    throw new AttemptFailed(outcome.error ?? 'failed');
  }

  private async post(subscription: WebhookSubscription, event: WebhookEvent, body: string): Promise<Outcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // The secrets are opened here only, to sign this attempt, and never kept.
    let secrets: string[];
    try {
      secrets = this.openSecrets(subscription);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      return {
        delivered: false,
        status: null,
        error: `signing secret cannot be opened (${error.code}): check AI_SECRET_KEYS or rotate the secret`,
        durationMs: elapsed(),
      };
    }
    try {
      const response = await this.egress.fetch(subscription.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ChatIQ-Webhooks/1',
          [WEBHOOK_HEADERS.signature]: signatureHeader(body, secrets, Math.floor(Date.now() / 1000)),
          [WEBHOOK_HEADERS.eventId]: event.id,
          [WEBHOOK_HEADERS.eventType]: event.type,
        },
        body,
      });
      // The answer's body is not read (nor kept): only its status counts.
      await response.body?.cancel().catch(() => undefined);
      const delivered = response.status >= 200 && response.status < 300;
      return { delivered, status: response.status, error: delivered ? null : `HTTP ${response.status}`, durationMs: elapsed() };
    } catch (error) {
      return { delivered: false, status: null, error: this.describe(error), durationMs: elapsed() };
    }
  }

  /** The current secret, then the previous one while it is valid (skipped if it cannot be opened). */
  private openSecrets(subscription: WebhookSubscription): string[] {
    const secrets = [this.secrets.open(subscription.secretEncrypted, subscription.organizationId)];
    const previous = subscription.previousSecretEncrypted;
    if (previous && subscription.previousSecretExpiresAt && subscription.previousSecretExpiresAt > new Date()) {
      try {
        secrets.push(this.secrets.open(previous, subscription.organizationId));
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        this.logger.warn(`webhook ${subscription.id}: previous secret cannot be opened (${error.code}); signing with the current one only`);
      }
    }
    return secrets;
  }

  private describe(error: unknown): string {
    const refusal = findEgressRefusal(error);
    if (refusal) {
      this.logger.warn({ detail: refusal.detail }, 'webhook destination refused by the egress guard');
      return refusal.message;
    }
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `No answer within ${this.config.webhooks.timeoutMs / 1000} s`;
    }
    const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    return typeof code === 'string' ? `Connection failed (${code})` : 'Connection failed';
  }

  /** One more failure in the run; disables the subscription when the run is long enough. */
  private async failed(subscription: WebhookSubscription): Promise<void> {
    const w = this.config.webhooks;
    await this.prisma.$executeRaw`
      UPDATE "WebhookSubscription"
      SET "consecutiveFailures" = "consecutiveFailures" + 1, "failingSince" = COALESCE("failingSince", now())
      WHERE id = ${subscription.id}`;
    const disabled = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookSubscription"
      SET enabled = false, "disabledAt" = now(), "updatedAt" = now()
      WHERE id = ${subscription.id} AND enabled AND "consecutiveFailures" >= ${w.disableAfterFailures}
        AND "failingSince" <= now() - make_interval(secs => ${w.disableAfterMs / 1000}::double precision)
      RETURNING id`;
    if (disabled.length === 0) return;
    this.subscriptions.changed(subscription.organizationId);
    await this.mailOwners(subscription).catch((error: unknown) => this.logger.error({ err: error }, 'webhook disabled mail failed'));
  }

  private async mailOwners(subscription: WebhookSubscription): Promise<void> {
    const owners = await this.prisma.user.findMany({
      where: { organizationId: subscription.organizationId, role: 'OWNER', active: true },
      select: { email: true },
    });
    const w = this.config.webhooks;
    for (const owner of owners) {
      await this.mail.send({
        to: owner.email,
        subject: 'ChatIQ: a webhook was disabled',
        text: [
          `Deliveries to ${subscription.url} failed ${w.disableAfterFailures} times in a row, so ChatIQ stopped sending events there.`,
          '',
          `Once the receiver answers again, enable the webhook again (webhook ${subscription.id}); its delivery log says what went wrong.`,
        ].join('\n'),
      });
    }
  }
}

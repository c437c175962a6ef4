import type { ListWebhookDeliveriesQuery, QueuedWebhookEventDto, WebhookDeliveryDto, WebhookEvent } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { WebhookDelivery } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { testEvent } from './webhook-events.js';
import { WebhookQueueService } from './webhook-queue.service.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

const EXCERPT_CHARS = 1000;

function deliveryDto(row: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    eventType: row.eventType,
    attempt: row.attempt,
    requestBodyExcerpt: JSON.stringify(row.payload).slice(0, EXCERPT_CHARS),
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    error: row.error,
    delivered: row.delivered,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The delivery log, "send test event" and "re-send" of a subscription (OWNER/ADMIN). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly queue: WebhookQueueService,
  ) {}

  /** A `webhook.test` event, queued like any other (whatever events the subscription asks for). */
  async sendTest(user: AuthUser, webhookId: string): Promise<QueuedWebhookEventDto> {
    const subscription = await this.subscriptions.row(user, webhookId);
    if (!subscription.enabled) throw new AppError('validation_failed', 'The webhook is disabled: enable it first');
    const event = testEvent(user.organizationId, subscription.id);
    await this.queue.send({ webhookId: subscription.id, organizationId: user.organizationId, event });
    return { eventId: event.id };
  }

  /** Newest first. */
  async deliveries(user: AuthUser, webhookId: string, query: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryDto[]> {
    const subscription = await this.subscriptions.row(user, webhookId);
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { webhookId: subscription.id, organizationId: user.organizationId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit ?? 50,
    });
    return rows.map(deliveryDto);
  }

  /** The logged attempt's event again, with its id (receivers de-duplicate on it), from a first attempt. */
  async resend(user: AuthUser, deliveryId: string): Promise<QueuedWebhookEventDto> {
    const delivery = await this.prisma.webhookDelivery.findFirst({
      where: { id: deliveryId, organizationId: user.organizationId },
      include: { webhook: { select: { enabled: true } } },
    });
    if (!delivery) throw new AppError('not_found', 'No such delivery');
    if (!delivery.webhook.enabled) throw new AppError('validation_failed', 'The webhook is disabled: enable it first');
    const event = delivery.payload as WebhookEvent;
    await this.queue.send({ webhookId: delivery.webhookId, organizationId: user.organizationId, event });
    return { eventId: event.id };
  }
}

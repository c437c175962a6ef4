import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { EventsModule } from '../events/events.module.js';
import { MailModule } from '../mail/mail.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookPublisherService } from './webhook-publisher.service.js';
import { WebhookQueueService } from './webhook-queue.service.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Signed webhooks delivered through a PostgreSQL job queue (issue 19). See README-dev.md, "Webhooks". */
@Module({
  imports: [ChatsModule, RealtimeModule, MailModule, EventsModule, ClusterModule],
  controllers: [WebhooksController],
  providers: [
    WebhookSecretsService,
    WebhookQueueService,
    WebhookSubscriptionsService,
    WebhookPublisherService,
    WebhookDeliveryService,
    WebhooksService,
  ],
  exports: [WebhookPublisherService],
})
export class WebhooksModule {}

import type { WebhookEvent, WebhookEventType } from '@chatiq/contracts';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ChatSummariesService } from '../chats/chat-summaries.service.js';
import { type ChatEventMap, ChatEventsService, LISTENER_ORDER, type MessageStoredEvent } from '../events/chat-events.service.js';
import { chatAssignedEvent, chatCreatedEvent, chatStatusChangedEvent, messageEvent } from './webhook-events.js';
import { WebhookQueueService } from './webhook-queue.service.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

/**
 * Turns the chats domain's events into webhook events and queues one job per matching
 * subscription, right after the change was committed (the domain events are emitted after the
 * commit; see README-dev.md "Webhooks" for what that guarantees). An organization without
 * enabled subscriptions costs one in-memory lookup per event.
 */
@Injectable()
export class WebhookPublisherService implements OnModuleInit {
  private readonly logger = new Logger(WebhookPublisherService.name);
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly events: ChatEventsService,
    private readonly summaries: ChatSummariesService,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly queue: WebhookQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on('messageStored', (event) => this.track(this.messageStored(event)), LISTENER_ORDER.webhooks);
    this.events.on('chatChanged', (event) => this.track(this.chatChanged(event)), LISTENER_ORDER.webhooks);
    this.events.on('chatAssigned', (event) => this.track(this.chatAssigned(event)), LISTENER_ORDER.webhooks);
  }

  /** Resolves once every event seen so far is queued (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Not awaited by the emitter: queueing never holds up another listener or an acknowledgement. */
  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.logger.error({ err: error }, 'webhook event not queued'));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private async messageStored({ posted, author }: MessageStoredEvent): Promise<void> {
    if (!(await this.subscriptions.any(posted.organizationId))) return;
    const chat = await posted.chat;
    if (author.kind === 'VISITOR' && author.chatStarted) await this.publish(chatCreatedEvent(posted.organizationId, chat));
    await this.publish(messageEvent(posted.organizationId, chat, posted.message));
  }

  private async chatChanged({ change }: ChatEventMap['chatChanged']): Promise<void> {
    if (!change.statusChanged) return;
    if (!(await this.subscriptions.any(change.organizationId))) return;
    await this.publish(chatStatusChangedEvent(change.organizationId, change.chat, change.statusChanged));
  }

  private async chatAssigned({ user, chatId }: ChatEventMap['chatAssigned']): Promise<void> {
    if (!(await this.subscriptions.any(user.organizationId))) return;
    const chat = await this.summaries.get(chatId);
    await this.publish(chatAssignedEvent(user.organizationId, chat, user.id));
  }

  private async publish(event: WebhookEvent): Promise<void> {
    if (event.siteId === null) return;
    const targets = await this.subscriptions.matching(event.organizationId, event.siteId, event.type as WebhookEventType);
    for (const target of targets) await this.queue.send({ webhookId: target.id, organizationId: event.organizationId, event });
  }
}

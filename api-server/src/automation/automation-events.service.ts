import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ChatEventMap, ChatEventsService, LISTENER_ORDER, type MessageStoredEvent } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { AutoReplyResponderService } from './auto-reply-responder.service.js';
import { BusinessHoursService } from './business-hours.service.js';
import { Clock } from './clock.js';
import { FollowUpsService } from './follow-ups.service.js';
import { WelcomeMessagesService } from './welcome-messages.service.js';

/**
 * Automation's part in conversations, subscribed to the chats domain's events (after the AI's
 * listener, which decides first whether it answers):
 * - a widget joins: it is told the business status, and greeted while the visitor has no open chat;
 * - a visitor's message is stored (typed or a file): follow-up marking and auto-replies (`AutoReplyResponderService`);
 * - an operator's reply is stored (typed or a file, not a note): the chat no longer waits for a follow-up (a pending NO_REPLY wait ends by itself).
 */
@Injectable()
export class AutomationEventsService implements OnModuleInit {
  constructor(
    private readonly events: ChatEventsService,
    private readonly fanout: RealtimeFanoutService,
    private readonly hours: BusinessHoursService,
    private readonly welcome: WelcomeMessagesService,
    private readonly responder: AutoReplyResponderService,
    private readonly followUps: FollowUpsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('widgetJoined', (event) => this.widgetJoined(event), LISTENER_ORDER.automation);
    this.events.on('messageStored', (event) => this.messageStored(event), LISTENER_ORDER.automation);
  }

  private messageStored({ posted, author }: MessageStoredEvent): Promise<void> | undefined {
    if (author.kind === 'VISITOR') return this.responder.onVisitorMessage(author.site, posted.message);
    if (author.kind === 'OPERATOR' && !posted.message.internal) return this.operatorAnswered(posted);
    return undefined;
  }

  /**
   * The chat no longer waits for a follow-up. The summary stored with the reply says whether it
   * did (`followUpNotifiedAt` is only ever set while `followUpAt` is): most replies need no write.
   */
  private async operatorAnswered(posted: PostedMessage): Promise<void> {
    const summary = await posted.chat.catch(() => null);
    if (summary && summary.followUpAt === null) return;
    await this.followUps.clear(posted.message.chatId);
  }

  private async widgetJoined({ site, socketId, chatId, locale, visitorId }: ChatEventMap['widgetJoined']): Promise<void> {
    this.fanout.toWidgetSocket(socketId, 'business:status', await this.hours.statusOf(site.id, this.clock.now()));
    if (chatId) return;
    const visitor = await this.welcome.visitorName(visitorId);
    const text = await this.welcome.forVisitor(site, locale, visitor);
    if (text) this.fanout.toWidgetSocket(socketId, 'welcome:message', { text });
  }
}

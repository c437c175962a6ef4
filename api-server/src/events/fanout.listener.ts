import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { ChatEventsService, LISTENER_ORDER } from './chat-events.service.js';

/**
 * Sends what happened to the sockets: the first listener of every event that changes what someone
 * sees (a stored message, a chat's summary, a read receipt). Synchronous, so the message is on its
 * way before the sender's acknowledgement.
 */
@Injectable()
export class FanoutListener implements OnModuleInit {
  constructor(
    private readonly events: ChatEventsService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'messageStored',
      // A resend is never an event; should one come, everyone already has the message.
      ({ posted, senderSocketId }) => (posted.created ? this.fanout.messagePosted(posted, senderSocketId) : undefined),
      LISTENER_ORDER.fanout,
    );
    this.events.on('chatChanged', ({ change }) => this.fanout.chatChanged(change), LISTENER_ORDER.fanout);
    this.events.on('messagesRead', ({ visitorId, receipt }) => this.fanout.read(visitorId, receipt), LISTENER_ORDER.fanout);
  }
}

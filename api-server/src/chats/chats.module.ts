import { Module } from '@nestjs/common';
import { ContactGateModule } from '../contacts/contact-gate.service.js';
import { EventsModule } from '../events/events.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { ChatSummariesService } from './chat-summaries.service.js';
import { ChatsController, VisitorHistoryController } from './chats.controller.js';
import { ChatsService } from './chats.service.js';
import { LiveVisitorsService } from './live-visitors.service.js';
import { MessagesService } from './messages.service.js';
import { SnoozeWakeService } from './snooze-wake.service.js';
import { VisitorChatsService } from './visitor-chats.service.js';

@Module({
  imports: [ContactGateModule, EventsModule, RealtimeModule, SitesModule],
  controllers: [ChatsController, VisitorHistoryController],
  providers: [ChatsService, VisitorChatsService, MessagesService, ChatSummariesService, LiveVisitorsService, SnoozeWakeService],
  exports: [ChatsService, VisitorChatsService, MessagesService, ChatSummariesService, LiveVisitorsService, SnoozeWakeService],
})
export class ChatsModule {}

import { Module } from '@nestjs/common';
import { ContactGateModule } from '../contacts/contact-gate.service.js';
import { ChatEventsService } from './chat-events.service.js';
import { ChatSummariesService } from './chat-summaries.service.js';
import { ChatsController } from './chats.controller.js';
import { ChatsService } from './chats.service.js';
import { MessagesService } from './messages.service.js';
import { VisitorChatsService } from './visitor-chats.service.js';

@Module({
  imports: [ContactGateModule],
  controllers: [ChatsController],
  providers: [ChatsService, VisitorChatsService, MessagesService, ChatSummariesService, ChatEventsService],
  exports: [ChatsService, VisitorChatsService, MessagesService, ChatSummariesService, ChatEventsService],
})
export class ChatsModule {}

import { Module } from '@nestjs/common';
import { ChatSummariesService } from './chat-summaries.service.js';
import { ChatsController } from './chats.controller.js';
import { ChatsService } from './chats.service.js';
import { MessagesService } from './messages.service.js';
import { VisitorChatsService } from './visitor-chats.service.js';

@Module({
  controllers: [ChatsController],
  providers: [ChatsService, VisitorChatsService, MessagesService, ChatSummariesService],
  exports: [ChatsService, VisitorChatsService],
})
export class ChatsModule {}

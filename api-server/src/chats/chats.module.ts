import { Module } from '@nestjs/common';
import { ChatsController } from './chats.controller.js';
import { ChatsService } from './chats.service.js';
import { MessagesService } from './messages.service.js';

@Module({ controllers: [ChatsController], providers: [ChatsService, MessagesService], exports: [ChatsService] })
export class ChatsModule {}

import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ChatLabelsController } from './chat-labels.controller.js';
import { ContactLabelsController } from './contact-labels.controller.js';
import { LabelingService } from './labeling.service.js';
import { LabelsController } from './labels.controller.js';
import { LabelsService } from './labels.service.js';

/** Labels: the organization's list, and putting them on chats and contacts (live as `labels:updated`). */
@Module({
  imports: [ChatsModule, ContactsModule, RealtimeModule],
  controllers: [LabelsController, ChatLabelsController, ContactLabelsController],
  providers: [LabelsService, LabelingService],
})
export class LabelsModule {}

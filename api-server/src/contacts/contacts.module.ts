import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { EventsModule } from '../events/events.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ContactAttributesController } from './contact-attributes.controller.js';
import { ContactAttributesService } from './contact-attributes.service.js';
import { ContactBlocksService } from './contact-blocks.service.js';
import { ContactMergesService } from './contact-merges.service.js';
import { ContactNotesController } from './contact-notes.controller.js';
import { ContactNotesService } from './contact-notes.service.js';
import { ContactResolutionService } from './contact-resolution.service.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';

/**
 * Contacts: people gathered from visitors (resolved on the chats domain's `visitorIdentified`),
 * their notes, custom attributes, merges and blocks. The widget's door for blocked contacts is
 * ContactGateModule, which the chats domain imports (it sits below both).
 */
@Module({
  imports: [ChatsModule, RealtimeModule, EventsModule],
  controllers: [ContactsController, ContactNotesController, ContactAttributesController],
  providers: [
    ContactsService,
    ContactAttributesService,
    ContactResolutionService,
    ContactMergesService,
    ContactBlocksService,
    ContactNotesService,
  ],
  exports: [ContactsService],
})
export class ContactsModule {}

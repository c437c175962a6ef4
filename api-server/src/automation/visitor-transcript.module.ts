import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { MailModule } from '../mail/mail.module.js';
import { VisitorTranscriptService } from './visitor-transcript.service.js';

/**
 * The transcript mail on its own, for the widget gateway: the realtime module imports this, and
 * the rest of automation imports the realtime module (for fan-out), so it cannot live there.
 */
@Module({
  imports: [MailModule, ChatsModule],
  providers: [VisitorTranscriptService],
  exports: [VisitorTranscriptService],
})
export class VisitorTranscriptModule {}

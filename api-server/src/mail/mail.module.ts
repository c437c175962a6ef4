import { Module } from '@nestjs/common';
import { MailService } from './mail.service.js';

/** Outgoing mail (password reset links now; invitations and automation follow-ups can reuse it). */
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}

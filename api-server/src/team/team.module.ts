import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { MailModule } from '../mail/mail.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { TeamController } from './team.controller.js';
import { TeamService } from './team.service.js';
import { TeamPresenceService } from './team-presence.service.js';

/** Members, roles, site assignments and invitations of an organization; who of them is online for the widgets. */
@Module({
  imports: [AuthModule, MailModule, EventsModule, RealtimeModule],
  controllers: [TeamController],
  providers: [TeamService, TeamPresenceService],
  exports: [TeamPresenceService],
})
export class TeamModule {}

import { Module } from '@nestjs/common';
import { AiModule } from '../ai/ai.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AutomationModule } from '../automation/automation.module.js';
import { ChatsModule } from '../chats/chats.module.js';
import { EventsModule } from '../events/events.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { TeamModule } from '../team/team.module.js';
import { AdminGateway } from './admin.gateway.js';
import { LiveVisitorsController } from './live-visitors.controller.js';
import { WidgetGateway } from './widget.gateway.js';

/**
 * The top layer: the /widget and /admin Socket.IO gateways and the live-visitors route. They parse,
 * call one service of the domains below (chats, the AI, automation, sites, team presence), and acknowledge.
 */
@Module({
  imports: [AuthModule, ChatsModule, SitesModule, AiModule, AutomationModule, EventsModule, RealtimeModule, TeamModule],
  controllers: [LiveVisitorsController],
  providers: [WidgetGateway, AdminGateway],
})
export class GatewaysModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VisitorTranscriptModule } from '../automation/visitor-transcript.module.js';
import { ChatsModule } from '../chats/chats.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AdminGateway } from './admin.gateway.js';
import { LiveVisitorsController } from './live-visitors.controller.js';
import { WidgetGateway } from './widget.gateway.js';

/** The top layer: the /widget and /admin Socket.IO gateways and the live-visitors route. */
@Module({
  imports: [AuthModule, ChatsModule, SitesModule, RealtimeModule, VisitorTranscriptModule],
  controllers: [LiveVisitorsController],
  providers: [WidgetGateway, AdminGateway],
})
export class GatewaysModule {}

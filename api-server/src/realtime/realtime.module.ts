import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VisitorTranscriptModule } from '../automation/visitor-transcript.module.js';
import { ChatsModule } from '../chats/chats.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AdminGateway } from './admin.gateway.js';
import { LiveVisitorsController } from './live-visitors.controller.js';
import { LiveVisitorsService } from './live-visitors.service.js';
import { RealtimeFanoutService } from './realtime-fanout.service.js';
import { SiteCachesService } from './site-caches.service.js';
import { WidgetGateway } from './widget.gateway.js';

@Module({
  imports: [AuthModule, ChatsModule, SitesModule, VisitorTranscriptModule],
  controllers: [LiveVisitorsController],
  providers: [WidgetGateway, AdminGateway, RealtimeFanoutService, LiveVisitorsService, SiteCachesService],
  exports: [RealtimeFanoutService, SiteCachesService],
})
export class RealtimeModule {}

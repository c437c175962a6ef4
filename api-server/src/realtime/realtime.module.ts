import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ChatsModule } from '../chats/chats.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AdminGateway } from './admin.gateway.js';
import { RealtimeFanoutService } from './realtime-fanout.service.js';
import { WidgetGateway } from './widget.gateway.js';

@Module({
  imports: [AuthModule, ChatsModule, SitesModule],
  providers: [WidgetGateway, AdminGateway, RealtimeFanoutService],
})
export class RealtimeModule {}

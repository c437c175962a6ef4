import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { LiveVisitorsService } from './live-visitors.service.js';
import { RealtimeFanoutService } from './realtime-fanout.service.js';

/** Sending to sockets: the fan-out to rooms and live presence. The gateways are in GatewaysModule. */
@Module({
  imports: [ChatsModule, ClusterModule, SitesModule],
  providers: [RealtimeFanoutService, LiveVisitorsService],
  exports: [RealtimeFanoutService, LiveVisitorsService],
})
export class RealtimeModule {}

import { Module } from '@nestjs/common';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { LivePresenceService } from './live-presence.service.js';
import { RealtimeFanoutService } from './realtime-fanout.service.js';

/** Sending to sockets: the fan-out to rooms, and live presence. The gateways are in GatewaysModule. */
@Module({
  imports: [ClusterModule],
  providers: [RealtimeFanoutService, LivePresenceService],
  exports: [RealtimeFanoutService, LivePresenceService],
})
export class RealtimeModule {}

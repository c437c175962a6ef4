import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { ChatEventsService } from './chat-events.service.js';
import { FanoutListener } from './fanout.listener.js';

/** The chat domain events (ChatEventsService) and their first listener, the fan-out to sockets. */
@Module({
  imports: [RealtimeModule],
  providers: [ChatEventsService, FanoutListener],
  exports: [ChatEventsService],
})
export class EventsModule {}

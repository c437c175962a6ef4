import { Global, Module } from '@nestjs/common';
import { EgressService } from './egress.service.js';

/** Outgoing requests to tenant-controlled URLs (see EgressService). Global: any domain may call out. */
@Global()
@Module({
  providers: [EgressService],
  exports: [EgressService],
})
export class EgressModule {}

import { Module } from '@nestjs/common';
import { SiteCachesService } from './site-caches.service.js';

/** What API nodes share besides the sockets: per-site caches dropped on every node by a write. */
@Module({
  providers: [SiteCachesService],
  exports: [SiteCachesService],
})
export class ClusterModule {}

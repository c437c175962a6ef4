import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';

/** Conversation figures for the admin panel's analytics page. */
@Module({
  imports: [SitesModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsService],
})
export class AnalyticsModule {}

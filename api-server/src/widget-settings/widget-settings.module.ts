import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { WidgetPublicSettingsController, WidgetSettingsController } from './widget-settings.controller.js';
import { WidgetSettingsService } from './widget-settings.service.js';

/** The widget's look per organization, with per-site overrides, pushed live to connected widgets. */
@Module({
  imports: [AuthModule, ClusterModule, SitesModule, RealtimeModule],
  controllers: [WidgetSettingsController, WidgetPublicSettingsController],
  providers: [WidgetSettingsService],
  exports: [WidgetSettingsService],
})
export class WidgetSettingsModule {}

import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AiModule } from './ai/ai.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AutomationModule } from './automation/automation.module.js';
import { ChatsModule } from './chats/chats.module.js';
import { EgressModule } from './common/egress/egress.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { GatewaysModule } from './gateways/gateways.module.js';
import { HealthModule } from './health/health.module.js';
import { LabelsModule } from './labels/labels.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { ProfileModule } from './profile/profile.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SitesModule } from './sites/sites.module.js';
import { TeamModule } from './team/team.module.js';
import { UploadsModule } from './uploads/uploads.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WidgetSettingsModule } from './widget-settings/widget-settings.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.visitorId'],
            // A visitor id works like a password for that visitor's chat: keep it out of URLs in logs.
            // `ip` is the client (req.ip, through TRUSTED_PROXIES); `remoteAddress` the socket's peer.
            serializers: {
              req: (req: { url?: string; raw?: { ip?: string } }) => ({
                ...req,
                ip: req.raw?.ip,
                url: req.url?.replace(/([?&]visitorId=)[^&]*/g, '$1[Redacted]'),
              }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        PrismaModule,
        EgressModule,
        HealthModule,
        AuthModule,
        SitesModule,
        ChatsModule,
        RealtimeModule,
        UploadsModule,
        WidgetSettingsModule,
        TeamModule,
        ProfileModule,
        AiModule,
        AutomationModule,
        AnalyticsModule,
        WebhooksModule,
        ContactsModule,
        LabelsModule,
        GatewaysModule,
      ],
    };
  }
}

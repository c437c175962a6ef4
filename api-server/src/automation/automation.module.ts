import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { EventsModule } from '../events/events.module.js';
import { MailModule } from '../mail/mail.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { WidgetSettingsModule } from '../widget-settings/widget-settings.module.js';
import { AiAutoResolveService } from './ai-auto-resolve.service.js';
import { AutoRepliesController } from './auto-replies.controller.js';
import { AutoRepliesService } from './auto-replies.service.js';
import { AutoReplyFiringService } from './auto-reply-firing.service.js';
import { AutoReplyResponderService } from './auto-reply-responder.service.js';
import { AutomationEventsService } from './automation-events.service.js';
import { AutomationSchedulerService } from './automation-scheduler.service.js';
import { BusinessHoursController } from './business-hours.controller.js';
import { BusinessHoursService } from './business-hours.service.js';
import { Clock } from './clock.js';
import { FollowUpsService } from './follow-ups.service.js';
import { NoReplyWatcherService } from './no-reply-watcher.service.js';
import { TemplatesController } from './templates.controller.js';
import { TemplatesService } from './templates.service.js';
import { VisitorTranscriptService } from './visitor-transcript.service.js';
import { WelcomeMessagesController } from './welcome-messages.controller.js';
import { WelcomeMessagesService } from './welcome-messages.service.js';

/** Automation (issue 7): welcome, auto-replies, quick templates, business hours, follow-ups. See README-dev.md, "Automation". */
@Module({
  imports: [ChatsModule, ClusterModule, EventsModule, RealtimeModule, SitesModule, MailModule, WidgetSettingsModule],
  controllers: [BusinessHoursController, AutoRepliesController, TemplatesController, WelcomeMessagesController],
  providers: [
    Clock,
    BusinessHoursService,
    AutoRepliesService,
    AutoReplyFiringService,
    AutoReplyResponderService,
    NoReplyWatcherService,
    FollowUpsService,
    TemplatesService,
    WelcomeMessagesService,
    AutomationEventsService,
    AiAutoResolveService,
    AutomationSchedulerService,
    VisitorTranscriptService,
  ],
  exports: [Clock, BusinessHoursService, VisitorTranscriptService],
})
export class AutomationModule {}

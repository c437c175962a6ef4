import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module.js';
import { ClusterModule } from '../common/cluster/cluster.module.js';
import { EventsModule } from '../events/events.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AiAnswerService } from './ai-answer.service.js';
import { AiChatStateService } from './ai-chat-state.service.js';
import { AiChatsController } from './ai-chats.controller.js';
import { AiKeyringService } from './ai-keyring.service.js';
import { AiSettingsController } from './ai-settings.controller.js';
import { AiSettingsService } from './ai-settings.service.js';
import { AiStreamsService } from './ai-streams.service.js';
import { AiSuggestService } from './ai-suggest.service.js';
import { AiUsageService } from './ai-usage.service.js';

/**
 * The AI assistant bridge (issue 8): per-site settings, answering, handoff, copilot, usage. It
 * listens to the chat events (answers, takeovers); the admin gateway calls `chat:handback`.
 */
@Module({
  imports: [ChatsModule, ClusterModule, EventsModule, RealtimeModule, SitesModule],
  controllers: [AiSettingsController, AiChatsController],
  providers: [AiKeyringService, AiSettingsService, AiUsageService, AiStreamsService, AiChatStateService, AiAnswerService, AiSuggestService],
  exports: [AiChatStateService],
})
export class AiModule {}

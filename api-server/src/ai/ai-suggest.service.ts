import type { AiSuggestionDto } from '@chatiq/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ChatsService } from '../chats/chats.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AiError, toAiError } from './ai-errors.js';
import { loadAiHistory } from './ai-history.js';
import { AiSettingsService, type AnsweringSettings } from './ai-settings.service.js';
import { AiUsageService } from './ai-usage.service.js';

/**
 * The operator copilot: a draft reply to the chat with the site's AI settings (model,
 * instructions, knowledge), returned to the operator and never sent by itself. It changes nothing
 * in the chat; its tokens count in the site's usage and against the daily cap.
 */
@Injectable()
export class AiSuggestService {
  private readonly logger = new Logger(AiSuggestService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly chats: ChatsService,
    private readonly settings: AiSettingsService,
    private readonly usage: AiUsageService,
  ) {}

  async suggest(user: AuthUser, chatId: string): Promise<AiSuggestionDto> {
    const chat = await this.chats.assertCanSee(user, chatId);
    const site = { organizationId: chat.organizationId, id: chat.siteId };
    let active: AnsweringSettings | 'off' | null;
    try {
      active = await this.settings.forAnswering(chat.siteId);
    } catch (error) {
      if (error instanceof AiError) throw new AppError('ai_not_configured', error.message);
      throw error;
    }
    if (!active || active === 'off') throw new AppError('ai_not_configured', "This site's AI assistant is off or has no API key");
    const today = await this.usage.tokensToday(chat.siteId);
    if (today >= active.row.dailyTokenCap) {
      throw new AppError(
        'ai_unavailable',
        `The site's daily AI token cap (${active.row.dailyTokenCap}) is spent; try again tomorrow (UTC)`,
      );
    }
    const { turns: history } = await loadAiHistory(this.prisma, chat.id);
    if (history.length === 0) throw new AppError('validation_failed', 'The chat has no messages to reply to yet');

    try {
      const { text, usage } = await this.settings.clientFor(active.client).draftReply(history);
      await this.usage.record(site, { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, requests: 1 });
      await this.settings.recordSuccess(chat.siteId);
      return { text };
    } catch (error) {
      const failure = toAiError(error, { secrets: [active.client.apiKey] });
      this.logger.warn(
        { chatId: chat.id, siteId: chat.siteId, reason: failure.reason, status: failure.status },
        `AI suggestion failed: ${failure.message}`,
      );
      await this.usage.record(site, { requests: 1 });
      await this.settings.recordFailure(chat.siteId, failure);
      throw new AppError('ai_unavailable', failure.message);
    }
  }
}

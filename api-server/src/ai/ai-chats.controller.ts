import { type AiSuggestionDto, aiSuggestionDtoSchema, type ChatTransitionDto, chatTransitionDtoSchema, idSchema } from '@chatiq/contracts';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { AiChatStateService } from './ai-chat-state.service.js';
import { AiSuggestService } from './ai-suggest.service.js';

/** The AI in a chat, for operators who can see the chat: who answered when, and reply drafts. */
@ApiTags('ai')
@ApiBearerAuth()
@RequirePermission('chats.answer')
@Controller('chats/:chatId')
export class AiChatsController {
  constructor(
    private readonly state: AiChatStateService,
    private readonly copilot: AiSuggestService,
  ) {}

  /** Every change of who answers the chat (AI, waiting for a human, a human), oldest first. */
  @Get('transitions')
  @ApiZodResponse(chatTransitionDtoSchema.array())
  transitions(@CurrentUser() user: AuthUser, @Param('chatId', new ZodPipe(idSchema)) chatId: string): Promise<ChatTransitionDto[]> {
    return this.state.transitions(user, chatId);
  }

  /** A reply drafted by the site's AI for the operator to edit and send (never sent by itself). */
  @Post('ai/suggest')
  @HttpCode(200)
  @ApiZodResponse(aiSuggestionDtoSchema)
  suggest(@CurrentUser() user: AuthUser, @Param('chatId', new ZodPipe(idSchema)) chatId: string): Promise<AiSuggestionDto> {
    return this.copilot.suggest(user, chatId);
  }
}

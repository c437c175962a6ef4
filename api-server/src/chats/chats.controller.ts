import {
  type ChatSummaryDto,
  chatSummaryDtoSchema,
  idSchema,
  type ListChatsQuery,
  type ListMessagesQuery,
  listChatsQuerySchema,
  listMessagesQuerySchema,
  type MessageDto,
  messageDtoSchema,
} from '@chatiq/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ChatsService } from './chats.service.js';

@ApiTags('chats')
@ApiBearerAuth()
@Controller('chats')
export class ChatsController {
  constructor(private readonly chats: ChatsService) {}

  @Get()
  @ApiZodQuery(listChatsQuerySchema)
  @ApiZodResponse(chatSummaryDtoSchema.array())
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(listChatsQuerySchema)) query: ListChatsQuery): Promise<ChatSummaryDto[]> {
    return this.chats.list(user, query);
  }

  /** The chat's messages after `afterSeq`, in order (resume and history). */
  @Get(':chatId/messages')
  @ApiZodQuery(listMessagesQuerySchema)
  @ApiZodResponse(messageDtoSchema.array())
  messages(
    @CurrentUser() user: AuthUser,
    @Param('chatId', new ZodPipe(idSchema)) chatId: string,
    @Query(new ZodPipe(listMessagesQuerySchema)) query: ListMessagesQuery,
  ): Promise<MessageDto[]> {
    return this.chats.listMessages(user, chatId, query);
  }
}

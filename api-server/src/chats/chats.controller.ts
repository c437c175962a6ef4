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
  type TranscriptQuery,
  transcriptQuerySchema,
  visitorChatsResponseSchema,
} from '@chatiq/contracts';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { ChatsService } from './chats.service.js';
import { transcriptText } from './transcript.js';

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

  /** The whole conversation (no private notes) as a download: plain text in the reader's time zone, or JSON (chat summary and messages). */
  @Get(':chatId/transcript')
  @ApiZodQuery(transcriptQuerySchema)
  async transcript(
    @CurrentUser() user: AuthUser,
    @Param('chatId', new ZodPipe(idSchema)) chatId: string,
    @Query(new ZodPipe(transcriptQuerySchema)) query: TranscriptQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { chat, messages, timeZone } = await this.chats.transcript(user, chatId, query.timeZone);
    res.setHeader('Content-Disposition', `attachment; filename="chat-${chat.id}.${query.format}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (query.format === 'json') res.json({ chat, messages });
    else res.type('text/plain; charset=utf-8').send(transcriptText(chat, messages, timeZone));
  }
}

@ApiTags('chats')
@ApiBearerAuth()
@Controller('visitors/:visitorId/chats')
export class VisitorHistoryController {
  constructor(private readonly chats: ChatsService) {}

  /** The visitor's conversations (and, with a linked contact, the contact's), newest first: the visitor panel's list. */
  @Get()
  @ApiZodResponse(visitorChatsResponseSchema)
  list(@CurrentUser() user: AuthUser, @Param('visitorId', new ZodPipe(idSchema)) visitorId: string): Promise<ChatSummaryDto[]> {
    return this.chats.listForVisitor(user, visitorId);
  }
}

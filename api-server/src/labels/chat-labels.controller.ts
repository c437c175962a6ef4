import { type AddLabelBody, addLabelBodySchema, idSchema, type LabelDto, labelDtoSchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { LabelingService } from './labeling.service.js';

/** A chat's labels: whoever sees the chat reads, adds and removes them (answers: its labels now). */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('chats/:chatId/labels')
export class ChatLabelsController {
  constructor(private readonly labeling: LabelingService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodResponse(labelDtoSchema.array())
  list(@CurrentUser() user: AuthUser, @Param('chatId', new ZodPipe(idSchema)) chatId: string): Promise<LabelDto[]> {
    return this.labeling.ofChat(user, chatId);
  }

  @Post()
  @RequirePermission('chats.answer')
  @HttpCode(200)
  @ApiZodBody(addLabelBodySchema)
  @ApiZodResponse(labelDtoSchema.array())
  add(
    @CurrentUser() user: AuthUser,
    @Param('chatId', new ZodPipe(idSchema)) chatId: string,
    @Body(new ZodPipe(addLabelBodySchema)) body: AddLabelBody,
  ): Promise<LabelDto[]> {
    return this.labeling.addToChat(user, chatId, body.labelId);
  }

  @Delete(':labelId')
  @RequirePermission('chats.answer')
  @ApiZodResponse(labelDtoSchema.array())
  remove(
    @CurrentUser() user: AuthUser,
    @Param('chatId', new ZodPipe(idSchema)) chatId: string,
    @Param('labelId', new ZodPipe(idSchema)) labelId: string,
  ): Promise<LabelDto[]> {
    return this.labeling.removeFromChat(user, chatId, labelId);
  }
}

import { type AddLabelBody, addLabelBodySchema, idSchema, type LabelDto, labelDtoSchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { LabelingService } from './labeling.service.js';

/** A contact's labels: whoever sees the contact reads, adds and removes them (answers: its labels now). */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('contacts/:contactId/labels')
export class ContactLabelsController {
  constructor(private readonly labeling: LabelingService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodResponse(labelDtoSchema.array())
  list(@CurrentUser() user: AuthUser, @Param('contactId', new ZodPipe(idSchema)) contactId: string): Promise<LabelDto[]> {
    return this.labeling.ofContact(user, contactId);
  }

  @Post()
  @RequirePermission('chats.answer')
  @HttpCode(200)
  @ApiZodBody(addLabelBodySchema)
  @ApiZodResponse(labelDtoSchema.array())
  add(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Body(new ZodPipe(addLabelBodySchema)) body: AddLabelBody,
  ): Promise<LabelDto[]> {
    return this.labeling.addToContact(user, contactId, body.labelId);
  }

  @Delete(':labelId')
  @RequirePermission('chats.answer')
  @ApiZodResponse(labelDtoSchema.array())
  remove(
    @CurrentUser() user: AuthUser,
    @Param('contactId', new ZodPipe(idSchema)) contactId: string,
    @Param('labelId', new ZodPipe(idSchema)) labelId: string,
  ): Promise<LabelDto[]> {
    return this.labeling.removeFromContact(user, contactId, labelId);
  }
}

import { createLabelBodySchema, idSchema, type LabelDto, labelDtoSchema, updateLabelBodySchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { LabelsService } from './labels.service.js';

/** The organization's labels: every member reads them (to label chats and contacts); OWNER and ADMIN define them. */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodResponse(labelDtoSchema.array())
  list(@CurrentUser() user: AuthUser): Promise<LabelDto[]> {
    return this.labels.list(user);
  }

  @Post()
  @RequirePermission('settings.manage')
  @ApiZodBody(createLabelBodySchema)
  @ApiZodResponse(labelDtoSchema, 201)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createLabelBodySchema)) body: z.output<typeof createLabelBodySchema>,
  ): Promise<LabelDto> {
    return this.labels.create(user, body);
  }

  /** Renames or recolours the label: every chat and contact that has it shows the change. */
  @Patch(':labelId')
  @RequirePermission('settings.manage')
  @ApiZodBody(updateLabelBodySchema)
  @ApiZodResponse(labelDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('labelId', new ZodPipe(idSchema)) labelId: string,
    @Body(new ZodPipe(updateLabelBodySchema)) body: z.output<typeof updateLabelBodySchema>,
  ): Promise<LabelDto> {
    return this.labels.update(user, labelId, body);
  }

  /** Deletes the label and takes it off every chat and contact. */
  @Delete(':labelId')
  @RequirePermission('settings.manage')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('labelId', new ZodPipe(idSchema)) labelId: string): Promise<void> {
    await this.labels.remove(user, labelId);
  }
}

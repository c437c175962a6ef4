import { idSchema, listTemplatesQuerySchema, type QuickTemplateDto, quickTemplateBodySchema, quickTemplateSchema } from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { TemplatesService } from './templates.service.js';

type TemplateBody = z.output<typeof quickTemplateBodySchema>;

/** Quick templates: every member reads those of the sites they see; OWNER and ADMIN manage them. */
@ApiTags('automation')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission('chats.answer')
  @ApiZodQuery(listTemplatesQuerySchema)
  @ApiZodResponse(quickTemplateSchema.array())
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(listTemplatesQuerySchema)) query: z.output<typeof listTemplatesQuerySchema>,
  ): Promise<QuickTemplateDto[]> {
    return this.templates.list(user, query.siteId);
  }

  @Post()
  @RequirePermission('settings.manage')
  @ApiZodBody(quickTemplateBodySchema)
  @ApiZodResponse(quickTemplateSchema, 201)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(quickTemplateBodySchema)) body: TemplateBody): Promise<QuickTemplateDto> {
    return this.templates.create(user, body);
  }

  @Put(':id')
  @RequirePermission('settings.manage')
  @ApiZodBody(quickTemplateBodySchema)
  @ApiZodResponse(quickTemplateSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idSchema)) id: string,
    @Body(new ZodPipe(quickTemplateBodySchema)) body: TemplateBody,
  ): Promise<QuickTemplateDto> {
    return this.templates.update(user, id, body);
  }

  @Delete(':id')
  @RequirePermission('settings.manage')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idSchema)) id: string): Promise<void> {
    await this.templates.remove(user, id);
  }
}

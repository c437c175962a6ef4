import {
  type AiSettingsDto,
  type AiUsageDayDto,
  aiSettingsBodySchema,
  aiSettingsDtoSchema,
  aiUsageDayDtoSchema,
  aiUsageQuerySchema,
  idSchema,
  type ParsedAiSettingsBody,
} from '@chatiq/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { AiSettingsService } from './ai-settings.service.js';
import { AiUsageService } from './ai-usage.service.js';

/** A site's AI assistant: settings (the key is write-only), its check, and what it spent (OWNER, ADMIN). */
@ApiTags('ai')
@ApiBearerAuth()
@RequirePermission('settings.manage')
@Controller('sites/:siteId/ai')
export class AiSettingsController {
  constructor(
    private readonly settings: AiSettingsService,
    private readonly usage: AiUsageService,
  ) {}

  /** The settings (built-in defaults while none are stored); only the key's last 4 characters. */
  @Get()
  @ApiZodResponse(aiSettingsDtoSchema)
  get(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<AiSettingsDto> {
    return this.settings.get(user, siteId);
  }

  /** Replaces the settings; a key is checked with the provider first (422 `ai_key_rejected`: nothing saved). */
  @Put()
  @ApiZodBody(aiSettingsBodySchema)
  @ApiZodResponse(aiSettingsDtoSchema)
  put(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(aiSettingsBodySchema)) body: ParsedAiSettingsBody,
  ): Promise<AiSettingsDto> {
    return this.settings.put(user, siteId, body);
  }

  /** Checks the stored key again; the outcome is in `status` and `statusMessage`. */
  @Post('check')
  @HttpCode(200)
  @ApiZodResponse(aiSettingsDtoSchema)
  check(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<AiSettingsDto> {
    return this.settings.check(user, siteId);
  }

  /** Tokens, requests and handoffs per UTC day for the last `days` days, oldest first. */
  @Get('usage')
  @ApiZodQuery(aiUsageQuerySchema)
  @ApiZodResponse(aiUsageDayDtoSchema.array())
  list(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Query(new ZodPipe(aiUsageQuerySchema)) query: z.output<typeof aiUsageQuerySchema>,
  ): Promise<AiUsageDayDto[]> {
    return this.usage.list(user, siteId, query.days);
  }
}

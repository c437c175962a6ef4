import { type AnalyticsDto, analyticsDtoSchema, analyticsQuerySchema } from '@chatiq/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { AnalyticsService } from './analytics.service.js';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Chats per day, response and resolution times, AI vs handed over, per operator and per site. Operators: their sites. */
  @Get()
  @ApiZodQuery(analyticsQuerySchema)
  @ApiZodResponse(analyticsDtoSchema)
  report(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(analyticsQuerySchema)) query: z.output<typeof analyticsQuerySchema>,
  ): Promise<AnalyticsDto> {
    return this.analytics.report(user, query);
  }
}

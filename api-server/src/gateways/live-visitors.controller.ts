import { type ListLiveVisitorsQuery, type LiveVisitorDto, listLiveVisitorsQuerySchema, liveVisitorDtoSchema } from '@chatiq/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { LiveVisitorsService } from '../chats/live-visitors.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodQuery, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';

@ApiTags('live visitors')
@ApiBearerAuth()
@Controller('live-visitors')
export class LiveVisitorsController {
  constructor(private readonly live: LiveVisitorsService) {}

  /** Visitors with the widget open now, on the sites you may see. */
  @Get()
  @ApiZodQuery(listLiveVisitorsQuerySchema)
  @ApiZodResponse(liveVisitorDtoSchema.array())
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(listLiveVisitorsQuerySchema)) query: ListLiveVisitorsQuery,
  ): Promise<LiveVisitorDto[]> {
    return this.live.list(user, query.siteId);
  }
}

import {
  type BusinessHoursDto,
  type BusinessHoursSettings,
  type BusinessStatusPayload,
  businessHoursSettingsSchema,
  businessStatusPayloadSchema,
  idSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { BusinessHoursService } from './business-hours.service.js';

@ApiTags('automation')
@ApiBearerAuth()
@Controller('sites/:siteId')
export class BusinessHoursController {
  constructor(private readonly hours: BusinessHoursService) {}

  /** The site's hours (business hours off, in UTC, when none are stored). OWNER, ADMIN. */
  @Get('business-hours')
  @RequirePermission('settings.manage')
  @ApiZodResponse(businessHoursSettingsSchema)
  get(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<BusinessHoursDto> {
    return this.hours.get(user, siteId);
  }

  /** Replaces the site's hours; connected widgets learn a changed status at once. OWNER, ADMIN. */
  @Put('business-hours')
  @RequirePermission('settings.manage')
  @ApiZodBody(businessHoursSettingsSchema)
  @ApiZodResponse(businessHoursSettingsSchema)
  put(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(businessHoursSettingsSchema)) body: BusinessHoursSettings,
  ): Promise<BusinessHoursDto> {
    return this.hours.put(user, siteId, body);
  }

  /** Online or offline now, what the widget is told (anyone who may see the site). */
  @Get('business-status')
  @RequirePermission('chats.answer')
  @ApiZodResponse(businessStatusPayloadSchema)
  status(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<BusinessStatusPayload> {
    return this.hours.statusForUser(user, siteId);
  }
}

import { idSchema, type WelcomeMessagesDto, welcomeMessagesBodySchema } from '@chatiq/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/permissions.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { WelcomeMessagesService } from './welcome-messages.service.js';

/** A site's welcome messages per language (OWNER, ADMIN). */
@ApiTags('automation')
@ApiBearerAuth()
@Controller('sites/:siteId/welcome-messages')
@RequirePermission('settings.manage')
export class WelcomeMessagesController {
  constructor(private readonly welcome: WelcomeMessagesService) {}

  @Get()
  @ApiZodResponse(welcomeMessagesBodySchema)
  get(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<WelcomeMessagesDto> {
    return this.welcome.get(user, siteId);
  }

  /** Replaces the list. */
  @Put()
  @ApiZodBody(welcomeMessagesBodySchema)
  @ApiZodResponse(welcomeMessagesBodySchema)
  put(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(welcomeMessagesBodySchema)) body: WelcomeMessagesDto,
  ): Promise<WelcomeMessagesDto> {
    return this.welcome.put(user, siteId, body);
  }
}

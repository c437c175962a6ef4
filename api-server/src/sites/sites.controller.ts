import {
  type CreatedSiteDto,
  createSiteBodySchema,
  createdSiteDtoSchema,
  type ParsedCreateSiteBody,
  type SiteDto,
  siteDtoSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { SitesService } from './sites.service.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiZodResponse(siteDtoSchema.array())
  list(@CurrentUser() user: AuthUser): Promise<SiteDto[]> {
    return this.sites.list(user);
  }

  @Post()
  @ApiZodBody(createSiteBodySchema)
  @ApiZodResponse(createdSiteDtoSchema, 201)
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(createSiteBodySchema)) body: ParsedCreateSiteBody): Promise<CreatedSiteDto> {
    return this.sites.create(user, body);
  }
}

import {
  type CreatedSiteDto,
  createdSiteDtoSchema,
  createSiteBodySchema,
  type IdentitySecretDto,
  identitySecretDtoSchema,
  idSchema,
  type ParsedCreateSiteBody,
  type ParsedUpdateSiteBody,
  type RotatedSiteKeyDto,
  rotatedSiteKeyDtoSchema,
  type SiteDetailDto,
  type SiteDto,
  siteDetailDtoSchema,
  siteDtoSchema,
  updateSiteBodySchema,
} from '@chatiq/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
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

  /** A site with its embed data; operators only see the sites assigned to them. */
  @Get(':siteId')
  @ApiZodResponse(siteDetailDtoSchema)
  get(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<SiteDetailDto> {
    return this.sites.get(user, siteId);
  }

  /** Name, domains, allowed origins (OWNER, ADMIN). */
  @Patch(':siteId')
  @ApiZodBody(updateSiteBodySchema)
  @ApiZodResponse(siteDetailDtoSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(updateSiteBodySchema)) body: ParsedUpdateSiteBody,
  ): Promise<SiteDetailDto> {
    return this.sites.update(user, siteId, body);
  }

  /** A new secret API key, shown in this answer only; the old key stops working (OWNER, ADMIN). */
  @Post(':siteId/rotate-key')
  @ApiZodResponse(rotatedSiteKeyDtoSchema, 201)
  rotateKey(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<RotatedSiteKeyDto> {
    return this.sites.rotateKey(user, siteId);
  }

  /**
   * The key of the site's identity verification (`chtq.setUser` hashes: hex HMAC-SHA256 of the
   * user id), created on first use (OWNER, ADMIN).
   */
  @Get(':siteId/identity-secret')
  @ApiZodResponse(identitySecretDtoSchema)
  identitySecret(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<IdentitySecretDto> {
    return this.sites.identitySecret(user, siteId);
  }

  /** A new identity secret; hashes made with the old one are refused at once (OWNER, ADMIN). */
  @Post(':siteId/rotate-identity-secret')
  @ApiZodResponse(identitySecretDtoSchema, 201)
  rotateIdentitySecret(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<IdentitySecretDto> {
    return this.sites.rotateIdentitySecret(user, siteId);
  }

  /** Deletes the site and everything in it (OWNER only). */
  @Delete(':siteId')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<void> {
    await this.sites.remove(user, siteId);
  }
}

import {
  idSchema,
  launcherLook,
  type ParsedWidgetSettingsBody,
  type WidgetSettingsDto,
  type WidgetSettingsQuery,
  type WidgetSiteSettings,
  widgetSettingsBodySchema,
  widgetSettingsDtoSchema,
  widgetSettingsQuerySchema,
  widgetSiteSettingsSchema,
} from '@chatiq/contracts';
import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimit } from '../auth/auth-rate-limit.guard.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import type { AuthUser } from '../common/auth-user.js';
import { ApiZodBody, ApiZodResponse } from '../common/validation/api-schema.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { WidgetSettingsService } from './widget-settings.service.js';

@ApiTags('widget settings')
@ApiBearerAuth()
@Controller()
export class WidgetSettingsController {
  constructor(private readonly settings: WidgetSettingsService) {}

  /** The organization's defaults (every member may read them). */
  @Get('widget-settings')
  @ApiZodResponse(widgetSettingsDtoSchema)
  getOrganization(@CurrentUser() user: AuthUser): Promise<WidgetSettingsDto> {
    return this.settings.getOrganization(user);
  }

  /** Replaces the organization's defaults; null or missing fields fall back to the built-in ones (OWNER, ADMIN). */
  @Put('widget-settings')
  @ApiZodBody(widgetSettingsBodySchema)
  @ApiZodResponse(widgetSettingsDtoSchema)
  putOrganization(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(widgetSettingsBodySchema)) body: ParsedWidgetSettingsBody,
  ): Promise<WidgetSettingsDto> {
    return this.settings.putOrganization(user, body);
  }

  /** A site's override, what it inherits and the effective result. */
  @Get('sites/:siteId/widget-settings')
  @ApiZodResponse(widgetSettingsDtoSchema)
  getSite(@CurrentUser() user: AuthUser, @Param('siteId', new ZodPipe(idSchema)) siteId: string): Promise<WidgetSettingsDto> {
    return this.settings.getSite(user, siteId);
  }

  /** Replaces a site's override; null or missing fields inherit the organization's (OWNER, ADMIN). */
  @Put('sites/:siteId/widget-settings')
  @ApiZodBody(widgetSettingsBodySchema)
  @ApiZodResponse(widgetSettingsDtoSchema)
  putSite(
    @CurrentUser() user: AuthUser,
    @Param('siteId', new ZodPipe(idSchema)) siteId: string,
    @Body(new ZodPipe(widgetSettingsBodySchema)) body: ParsedWidgetSettingsBody,
  ): Promise<WidgetSettingsDto> {
    return this.settings.putSite(user, siteId, body);
  }
}

/** How long a browser (or a CDN) may reuse an answer: an owner's change reaches new page views within it. */
export const WIDGET_SETTINGS_MAX_AGE_SECONDS = 60;

/**
 * The widget's effective look, for the widget itself: by public site id, from an allowed page only,
 * with the fields the owner set (`ownerSet`; the others are the built-in defaults) and the
 * launcher's final look (`launcher`: the embed's fields from the query over the saved ones).
 * widget.js asks it on every page view before it draws anything: a refusal (404 `site_not_found`,
 * 403 `origin_not_allowed`) means no launcher. So the answer is cached briefly by the browser
 * (`Cache-Control`, per Origin) and revalidated by its ETag (Express's), and the settings are
 * cached on the API nodes (dropped on every node by a change, `WidgetSettingsService`).
 */
@ApiTags('widget')
@Public()
@Controller('widget/sites')
export class WidgetPublicSettingsController {
  constructor(
    private readonly sites: SitesService,
    private readonly settings: WidgetSettingsService,
  ) {}

  @Get(':publicId/settings')
  @RateLimit('widget')
  @ApiZodResponse(widgetSiteSettingsSchema)
  async get(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('publicId', new ZodPipe(idSchema)) publicId: string,
    @Query(new ZodPipe(widgetSettingsQuerySchema)) query: WidgetSettingsQuery,
  ): Promise<WidgetSiteSettings> {
    // The same check as the widget's socket handshake: the page's Origin header.
    const site = await this.sites.findForWidget(publicId, req.headers.origin);
    const settings = await this.settings.publicForSite(site.organizationId, site.id);
    // Only a success is cached: a page the owner has just allowed is not kept waiting.
    res.setHeader('Cache-Control', `public, max-age=${WIDGET_SETTINGS_MAX_AGE_SECONDS}`);
    return { ...settings, launcher: launcherLook(query, query.locale, settings) };
  }
}

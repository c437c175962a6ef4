import {
  DEFAULT_WIDGET_SETTINGS,
  type EffectiveWidgetSettings,
  mergeWidgetSettings,
  type ParsedWidgetSettingsBody,
  type PublicWidgetSettings,
  type StoredWidgetSettings,
  type WidgetSettingsDto,
  widgetSettingsOwnerSet,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { type SiteCache, SiteCachesService } from '../common/cluster/site-caches.service.js';
import type { Prisma, WidgetSettings } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { assertCanManageSites } from '../sites/site-access.js';
import { SitesService } from '../sites/sites.service.js';

type Db = Prisma.TransactionClient | PrismaService;

const EMPTY: StoredWidgetSettings = { color: null, title: null, welcomeMessage: null, position: null, size: null, language: null };

/**
 * The widget's look: built-in defaults ← the organization's row (siteId null) ← the site's row.
 * Every change is pushed to the connected widgets of the sites it affects (`settings:update`).
 * What the widget gets says which fields the owner set (`ownerSet`): it shows its own translated
 * title and greeting, and speaks the visitor's language, where the built-in defaults apply.
 * What widgets read (`publicForSite`, asked by widget.js on every page view) is cached per site on
 * every API node and dropped everywhere by a change.
 */
@Injectable()
export class WidgetSettingsService {
  private readonly publicCache: SiteCache<{ organizationId: string; settings: PublicWidgetSettings }>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
    private readonly fanout: RealtimeFanoutService,
    siteCaches: SiteCachesService,
  ) {
    this.publicCache = siteCaches.create('widget-public-settings', async (siteId) => {
      const site = await this.prisma.site.findUniqueOrThrow({ where: { id: siteId }, select: { organizationId: true } });
      return { organizationId: site.organizationId, settings: (await this.siteView(site.organizationId, siteId)).public };
    });
  }

  async getOrganization(user: AuthUser): Promise<WidgetSettingsDto> {
    const own = toStored(await this.organizationRow(this.prisma, user.organizationId));
    return {
      siteId: null,
      settings: own,
      inherited: DEFAULT_WIDGET_SETTINGS,
      effective: mergeWidgetSettings(DEFAULT_WIDGET_SETTINGS, own),
    };
  }

  async putOrganization(user: AuthUser, body: ParsedWidgetSettingsBody): Promise<WidgetSettingsDto> {
    assertCanManageSites(user);
    const data = toRow(body);
    const { organizationId } = user;
    await this.prisma.$transaction(async (tx) => {
      // There is no unique key for the organization's row (siteId null): serialize its writers.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`widget-settings:${organizationId}`}))::text AS locked`;
      const existing = await this.organizationRow(tx, organizationId);
      if (existing) await tx.widgetSettings.update({ where: { id: existing.id }, data });
      else await tx.widgetSettings.create({ data: { organizationId, siteId: null, ...data } });
    });
    const view = await this.getOrganization(user);
    await this.pushToOrganization(organizationId, view.settings);
    return view;
  }

  async getSite(user: AuthUser, siteId: string): Promise<WidgetSettingsDto> {
    const site = await this.sites.findVisible(user, siteId);
    return (await this.siteView(site.organizationId, site.id)).dto;
  }

  async putSite(user: AuthUser, siteId: string, body: ParsedWidgetSettingsBody): Promise<WidgetSettingsDto> {
    const site = await this.sites.findManageable(user, siteId);
    const data = toRow(body);
    await this.prisma.widgetSettings.upsert({
      where: { siteId: site.id },
      create: { organizationId: site.organizationId, siteId: site.id, ...data },
      update: data,
    });
    this.publicCache.invalidate(site.id);
    const view = await this.siteView(site.organizationId, site.id);
    this.fanout.widgetSettingsChanged(site.id, view.public);
    return view.dto;
  }

  /** What a site's widget shows. */
  async effectiveForSite(organizationId: string, siteId: string): Promise<EffectiveWidgetSettings> {
    return (await this.siteView(organizationId, siteId)).dto.effective;
  }

  /** What the widget reads: the effective settings and the fields the owner set (cached, see the class). */
  async publicForSite(organizationId: string, siteId: string): Promise<PublicWidgetSettings> {
    const cached = await this.publicCache.get(siteId);
    // The cache is by site id; the caller's organization is checked all the same.
    return cached.organizationId === organizationId ? cached.settings : (await this.siteView(organizationId, siteId)).public;
  }

  private async siteView(organizationId: string, siteId: string): Promise<{ dto: WidgetSettingsDto; public: PublicWidgetSettings }> {
    const [org, own] = await Promise.all([
      this.organizationRow(this.prisma, organizationId),
      this.prisma.widgetSettings.findUnique({ where: { siteId } }),
    ]);
    const organization = toStored(org);
    const inherited = mergeWidgetSettings(DEFAULT_WIDGET_SETTINGS, organization);
    const settings = toStored(own);
    const effective = mergeWidgetSettings(inherited, settings);
    return {
      dto: { siteId, settings, inherited, effective },
      public: publicSettings(organization, settings),
    };
  }

  /** The organization's defaults changed: every site's widget, each with its own overrides. */
  private async pushToOrganization(organizationId: string, organization: StoredWidgetSettings): Promise<void> {
    const sites = await this.prisma.site.findMany({ where: { organizationId }, select: { id: true, widgetSettings: true } });
    for (const site of sites) {
      this.publicCache.invalidate(site.id);
      this.fanout.widgetSettingsChanged(site.id, publicSettings(organization, toStored(site.widgetSettings)));
    }
  }

  private organizationRow(db: Db, organizationId: string): Promise<WidgetSettings | null> {
    return db.widgetSettings.findFirst({ where: { organizationId, siteId: null }, orderBy: { createdAt: 'asc' } });
  }
}

/** The widget's settings from the organization's and the site's levels. */
function publicSettings(organization: StoredWidgetSettings, site: StoredWidgetSettings): PublicWidgetSettings {
  return {
    ...mergeWidgetSettings(DEFAULT_WIDGET_SETTINGS, organization, site),
    ownerSet: widgetSettingsOwnerSet(organization, site),
  };
}

function toStored(row: WidgetSettings | null | undefined): StoredWidgetSettings {
  if (!row) return EMPTY;
  return {
    color: row.color,
    title: row.title,
    welcomeMessage: row.welcomeMessage,
    position: row.position ? (row.position.toLowerCase() as StoredWidgetSettings['position']) : null,
    size: row.size ? (row.size.toLowerCase() as StoredWidgetSettings['size']) : null,
    language: row.language === 'uk' || row.language === 'en' ? row.language : null,
  };
}

/** A PUT replaces the level: what is not sent is null, i.e. inherited. */
function toRow(body: ParsedWidgetSettingsBody) {
  return {
    color: body.color ?? null,
    title: body.title ?? null,
    welcomeMessage: body.welcomeMessage ?? null,
    position: body.position ? (body.position.toUpperCase() as 'RIGHT' | 'LEFT') : null,
    size: body.size ? (body.size.toUpperCase() as 'COMPACT' | 'STANDARD' | 'LARGE') : null,
    language: body.language ?? null,
  };
}

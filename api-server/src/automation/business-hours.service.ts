import {
  type BusinessHoursDto,
  type BusinessHoursSettings,
  type BusinessStatusPayload,
  businessHoursSettingsSchema,
} from '@chatiq/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { type SiteCache, SiteCachesService } from '../common/cluster/site-caches.service.js';
import type { BusinessHours } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { SitesService } from '../sites/sites.service.js';
import { businessStatus } from './business-hours.js';
import { Clock } from './clock.js';
import { MS_PER_DAY } from './zoned-wall-time.js';

/** A site without stored hours: always online (business hours off). */
export const NO_BUSINESS_HOURS: BusinessHoursSettings = {
  timezone: 'UTC',
  enabled: false,
  weekly: [],
  exceptions: [],
  offHoursMessage: null,
};

/**
 * A site's business hours: the settings (GET/PUT), the status at an instant, and the pushes of
 * `business:status` to the site's widgets when it changes. Boundaries are announced by
 * `announceDue`, which every API node's scheduler calls each tick: the node whose conditional
 * UPDATE flips `announcedOnline` sends the push (through the Redis adapter to every node's
 * sockets), the others find nothing to change, so widgets get one notification, not one per node.
 */
@Injectable()
export class BusinessHoursService {
  private readonly logger = new Logger(BusinessHoursService.name);
  /** Each site's settings, read on every visitor message and widget join; a PUT drops them (every node). */
  private readonly settings: SiteCache<BusinessHoursSettings>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
    private readonly fanout: RealtimeFanoutService,
    private readonly clock: Clock,
    siteCaches: SiteCachesService,
  ) {
    this.settings = siteCaches.create('business-hours', async (siteId) =>
      settingsOf(await this.prisma.businessHours.findUnique({ where: { siteId } }), this.logger),
    );
  }

  async get(user: AuthUser, siteId: string): Promise<BusinessHoursDto> {
    const site = await this.sites.findManageable(user, siteId);
    const row = await this.prisma.businessHours.findUnique({ where: { siteId: site.id } });
    return toDto(site.id, settingsOf(row, this.logger), row?.updatedAt ?? this.clock.now());
  }

  /**
   * Replaces the site's hours. The status is recomputed at once; when what widgets were told
   * changes (online, the next change, the off-hours message), the site's widgets get it now.
   */
  async put(user: AuthUser, siteId: string, settings: BusinessHoursSettings): Promise<BusinessHoursDto> {
    const site = await this.sites.findManageable(user, siteId);
    const now = this.clock.now();
    const before = await this.prisma.businessHours.findUnique({ where: { siteId: site.id } });
    const status = businessStatus(settings, now);
    const data = {
      timezone: settings.timezone,
      enabled: settings.enabled,
      weekly: settings.weekly,
      exceptions: settings.exceptions,
      offHoursMessage: settings.offHoursMessage,
      announcedOnline: status.online,
      nextChangeAt: settings.enabled ? nextCheckAt(status, now) : null,
    };
    const row = await this.prisma.businessHours.upsert({
      where: { siteId: site.id },
      create: { organizationId: site.organizationId, siteId: site.id, ...data },
      update: data,
    });
    this.settings.invalidate(site.id);
    if (!sameStatus(businessStatus(settingsOf(before, this.logger), now), status)) {
      this.fanout.toSiteVisitors(site.id, 'business:status', status);
    }
    return toDto(site.id, settings, row.updatedAt);
  }

  /** GET /sites/:siteId/business-status: for anyone who may see the site. */
  async statusForUser(user: AuthUser, siteId: string): Promise<BusinessStatusPayload> {
    const site = await this.sites.findVisible(user, siteId);
    return this.statusOf(site.id, this.clock.now());
  }

  /** The site's status at `instant` (online when it has no hours). */
  async statusOf(siteId: string, instant: Date): Promise<BusinessStatusPayload> {
    return businessStatus(await this.settingsOf(siteId), instant);
  }

  settingsOf(siteId: string): Promise<BusinessHoursSettings> {
    return this.settings.get(siteId);
  }

  /**
   * One scheduler pass: the sites whose next change is due (or never computed) get their status
   * evaluated at `now`. The UPDATE that flips `announcedOnline` is conditional (`IS DISTINCT FROM`),
   * so of several nodes evaluating the same boundary exactly one changes the row and pushes. A row
   * edited meanwhile (`updatedAt` moved: a PUT, which announces itself) is left alone.
   */
  async announceDue(now: Date): Promise<number> {
    const due = await this.prisma.businessHours.findMany({
      where: { enabled: true, OR: [{ nextChangeAt: null }, { nextChangeAt: { lte: now } }] },
      orderBy: { nextChangeAt: { sort: 'asc', nulls: 'first' } },
      take: 200,
    });
    let pushed = 0;
    for (const row of due) {
      const status = businessStatus(settingsOf(row, this.logger), now);
      const next = nextCheckAt(status, now);
      const flipped = await this.prisma.$executeRaw`
        UPDATE "BusinessHours" SET "announcedOnline" = ${status.online}, "nextChangeAt" = ${next}
        WHERE id = ${row.id} AND "updatedAt" = ${row.updatedAt} AND "announcedOnline" IS DISTINCT FROM ${status.online}`;
      if (flipped === 1) {
        this.fanout.toSiteVisitors(row.siteId, 'business:status', status);
        pushed++;
      } else {
        // Already announced (by another node, or the state did not change): only move the index on.
        await this.prisma.$executeRaw`
          UPDATE "BusinessHours" SET "nextChangeAt" = ${next}
          WHERE id = ${row.id} AND "updatedAt" = ${row.updatedAt} AND ("nextChangeAt" IS NULL OR "nextChangeAt" <= ${now})`;
      }
    }
    return pushed;
  }
}

/** When the scheduler should look again: the next change, or in a day when none is known. */
function nextCheckAt(status: BusinessStatusPayload, now: Date): Date {
  return status.nextChangeAt ? new Date(status.nextChangeAt) : new Date(now.getTime() + MS_PER_DAY);
}

function sameStatus(a: BusinessStatusPayload, b: BusinessStatusPayload): boolean {
  return a.online === b.online && a.nextChangeAt === b.nextChangeAt && a.offHoursMessage === b.offHoursMessage;
}

/** The stored row as settings; a row that no longer validates counts as "no hours" (and is logged). */
function settingsOf(row: BusinessHours | null, logger: Logger): BusinessHoursSettings {
  if (!row) return NO_BUSINESS_HOURS;
  const parsed = businessHoursSettingsSchema.safeParse({
    timezone: row.timezone,
    enabled: row.enabled,
    weekly: row.weekly,
    exceptions: row.exceptions,
    offHoursMessage: row.offHoursMessage,
  });
  if (parsed.success) return parsed.data;
  logger.error(
    { siteId: row.siteId, issues: parsed.error.issues },
    'stored business hours do not validate; treating the site as always open',
  );
  return NO_BUSINESS_HOURS;
}

function toDto(siteId: string, settings: BusinessHoursSettings, updatedAt: Date): BusinessHoursDto {
  return { siteId, ...settings, updatedAt: updatedAt.toISOString() };
}

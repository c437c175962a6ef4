import type { LiveVisitorDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { LivePresenceService } from '../realtime/live-presence.service.js';
import { SitesService } from '../sites/sites.service.js';

/** Visitors with the widget open now (live presence), on the sites the operator may see, with their names. */
@Injectable()
export class LiveVisitorsService {
  constructor(
    private readonly sites: SitesService,
    private readonly prisma: PrismaService,
    private readonly presence: LivePresenceService,
  ) {}

  async list(user: AuthUser, siteId?: string): Promise<LiveVisitorDto[]> {
    const siteIds = (await this.sites.visibleSiteIds(user)).filter((id) => !siteId || id === siteId);
    const live = await this.presence.onSites(siteIds);
    if (live.length === 0) return [];
    const profiles = await this.prisma.visitor.findMany({
      where: { id: { in: live.map(({ presence }) => presence.visitorId) }, organizationId: user.organizationId },
      select: { id: true, name: true, email: true },
    });
    const names = new Map(profiles.map((p) => [p.id, p]));
    return live
      .filter(({ presence }) => names.has(presence.visitorId))
      .map(({ presence, tabs }) => ({
        visitorId: presence.visitorId,
        siteId: presence.siteId,
        name: names.get(presence.visitorId)?.name ?? null,
        email: names.get(presence.visitorId)?.email ?? null,
        currentPageUrl: presence.page.url,
        currentPageTitle: presence.page.title,
        locale: presence.locale,
        connectedAt: presence.connectedAt,
        tabs,
        chatId: presence.chatId,
      }))
      .sort((a, b) => a.connectedAt.localeCompare(b.connectedAt));
  }
}

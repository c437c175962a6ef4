import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { type ChatEventMap, ChatEventsService, LISTENER_ORDER } from '../events/chat-events.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { LivePresenceService } from '../realtime/live-presence.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';

/**
 * Whether someone can answer a site now (`team:presence` to its widgets): an active member who
 * may see the site has the admin panel connected, on any API node. Nothing is stored: the admin
 * sockets' rooms are the truth (`LivePresenceService.staffedSites`, one request to every node).
 * - a widget joins: it is told whether its site is staffed;
 * - an admin socket connects: its sites are staffed, their visitors are told (a repeat changes nothing);
 * - an admin socket disconnects (signed out, deactivated, permissions changed, tab closed): the
 *   sites it could answer are checked again, and those nobody else answers are told `staffed: false`.
 * A deactivated member cannot connect, and deactivation disconnects their sockets.
 * Messages are untouched: no query per message.
 */
@Injectable()
export class TeamPresenceService implements OnModuleInit {
  private readonly logger = new Logger(TeamPresenceService.name);

  constructor(
    private readonly events: ChatEventsService,
    private readonly presence: LivePresenceService,
    private readonly fanout: RealtimeFanoutService,
    private readonly prisma: PrismaService,
  ) {}

  onModuleInit(): void {
    this.events.on('widgetJoined', (event) => this.widgetJoined(event), LISTENER_ORDER.presence);
  }

  /** An admin socket joined its rooms: someone answers these sites. */
  adminConnected(siteIds: readonly string[]): void {
    this.fanout.toSitesVisitors(siteIds, 'team:presence', { staffed: true });
  }

  /** An admin socket left its rooms: the sites it answered that nobody else answers now are unstaffed. */
  async adminDisconnected(user: AuthUser, siteIds: readonly string[]): Promise<void> {
    try {
      // An OWNER's or ADMIN's socket answered every site of the organization, those created since included.
      const sites = user.role === 'OPERATOR' ? siteIds : [...new Set([...siteIds, ...(await this.organizationSites(user.organizationId))])];
      const staffed = await this.presence.staffedSites(user.organizationId, sites);
      const unstaffed = sites.filter((siteId) => !staffed.has(siteId));
      this.fanout.toSitesVisitors(unstaffed, 'team:presence', { staffed: false });
    } catch (error) {
      this.logger.warn({ err: error, userId: user.id }, 'could not check who still answers after an admin socket left');
    }
  }

  private async widgetJoined({ site, socketId }: ChatEventMap['widgetJoined']): Promise<void> {
    this.fanout.toWidgetSocket(socketId, 'team:presence', { staffed: await this.isStaffed(site.organizationId, site.id) });
  }

  /**
   * Asked after the widget joined its site's room: an admin socket that connects meanwhile is
   * either seen here or pushes `staffed: true` to the room after this, never neither.
   */
  private async isStaffed(organizationId: string, siteId: string): Promise<boolean> {
    return (await this.presence.staffedSites(organizationId, [siteId])).has(siteId);
  }

  private async organizationSites(organizationId: string): Promise<string[]> {
    const sites = await this.prisma.site.findMany({ where: { organizationId }, select: { id: true } });
    return sites.map((site) => site.id);
  }
}

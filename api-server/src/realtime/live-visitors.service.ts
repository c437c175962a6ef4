import type { LiveVisitorDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';
import type { WidgetNamespace } from './realtime-fanout.service.js';
import { rooms } from './rooms.js';

/** What a joined widget socket carries for presence (in socket.data, so every node can read it). */
export type Presence = {
  visitorId: string;
  siteId: string;
  connectedAt: string;
  page: { url: string | null; title: string | null };
  locale: string | null;
  chatId: string | null;
};

/**
 * Visitors with the widget open right now, read from the connected sockets themselves (with the
 * Redis adapter, `fetchSockets` asks every API node), so presence needs no table and is never stale.
 */
@Injectable()
export class LiveVisitorsService {
  private widget?: WidgetNamespace;

  constructor(
    private readonly sites: SitesService,
    private readonly prisma: PrismaService,
  ) {}

  attach(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  async list(user: AuthUser, siteId?: string): Promise<LiveVisitorDto[]> {
    const widget = this.widget;
    if (!widget) return [];
    const siteIds = (await this.sites.visibleSiteIds(user)).filter((id) => !siteId || id === siteId);
    if (siteIds.length === 0) return [];
    const sockets = await widget.in(siteIds.map(rooms.siteVisitors)).fetchSockets();
    const byVisitor = new Map<string, { presence: Presence; tabs: number }>();
    for (const socket of sockets) {
      const presence = (socket.data as { presence?: Presence }).presence;
      if (!presence) continue;
      const seen = byVisitor.get(presence.visitorId);
      if (!seen) byVisitor.set(presence.visitorId, { presence, tabs: 1 });
      else {
        seen.tabs++;
        if (presence.connectedAt < seen.presence.connectedAt) seen.presence = { ...seen.presence, connectedAt: presence.connectedAt };
      }
    }
    const profiles = await this.prisma.visitor.findMany({
      where: { id: { in: [...byVisitor.keys()] }, organizationId: user.organizationId },
      select: { id: true, name: true, email: true },
    });
    const names = new Map(profiles.map((p) => [p.id, p]));
    return [...byVisitor.values()]
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

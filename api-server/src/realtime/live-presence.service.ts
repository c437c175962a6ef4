import { Injectable } from '@nestjs/common';
import type { AdminNamespace, WidgetNamespace } from './realtime-fanout.service.js';
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
 * Who has the widget open right now, and which sites have a member of the team connected to the
 * admin panel, read from the connected sockets themselves (with the Redis adapter, `fetchSockets`
 * asks every API node), so presence needs no table and is never stale.
 */
@Injectable()
export class LivePresenceService {
  private widget?: WidgetNamespace;
  private admin?: AdminNamespace;

  attach(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  attachAdmin(ns: AdminNamespace): void {
    this.admin = ns;
  }

  /**
   * Which of these sites of the organization have an admin socket that may answer them, on any
   * node: one of the organization's OWNERs or ADMINs (room `org:`, every site) or an OPERATOR
   * assigned to the site (room `site:`). One request to every node, whatever the number of sites.
   */
  async staffedSites(organizationId: string, siteIds: readonly string[]): Promise<Set<string>> {
    const admin = this.admin;
    if (!admin || siteIds.length === 0) return new Set();
    const orgRoom = rooms.organization(organizationId);
    const sockets = await admin.in([orgRoom, ...siteIds.map(rooms.site)]).fetchSockets();
    if (sockets.some((socket) => socket.rooms.has(orgRoom))) return new Set(siteIds);
    return new Set(siteIds.filter((siteId) => sockets.some((socket) => socket.rooms.has(rooms.site(siteId)))));
  }

  /** The joined visitors of these sites, once each: their first tab's arrival, their latest page. */
  async onSites(siteIds: string[]): Promise<{ presence: Presence; tabs: number }[]> {
    const widget = this.widget;
    if (!widget || siteIds.length === 0) return [];
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
    return [...byVisitor.values()];
  }
}

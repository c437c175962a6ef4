import type { AutoReplyDto, AutoReplyRule } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { SiteCachesService } from '../common/cluster/site-caches.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { AutoReply, Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';
import { AUTO_REPLY_RULES_CACHE, toAutoReplyDto, toRowData } from './auto-reply-rows.js';

/** Rules per site: enough for any real setup, and a bound on the work one visitor message causes. */
export const MAX_AUTO_REPLIES_PER_SITE = 100;

/** CRUD of a site's auto-reply rules (OWNER, ADMIN; the controller checks `settings.manage`). */
@Injectable()
export class AutoRepliesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
    private readonly siteCaches: SiteCachesService,
  ) {}

  /** In evaluation order: ascending position, then oldest first. */
  async list(user: AuthUser, siteId: string): Promise<AutoReplyDto[]> {
    const site = await this.sites.findManageable(user, siteId);
    const rows = await this.prisma.autoReply.findMany({
      where: { organizationId: site.organizationId, siteId: site.id },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(toAutoReplyDto);
  }

  async create(user: AuthUser, siteId: string, rule: AutoReplyRule): Promise<AutoReplyDto> {
    const site = await this.sites.findManageable(user, siteId);
    await this.assertAssignable(site, rule);
    const count = await this.prisma.autoReply.count({ where: { siteId: site.id } });
    if (count >= MAX_AUTO_REPLIES_PER_SITE) {
      throw new AppError('validation_failed', `A site may have at most ${MAX_AUTO_REPLIES_PER_SITE} auto-replies`);
    }
    const row = await this.prisma.autoReply.create({
      data: { organizationId: site.organizationId, siteId: site.id, ...toRowData(rule) },
    });
    this.siteCaches.invalidate(AUTO_REPLY_RULES_CACHE, site.id);
    return toAutoReplyDto(row);
  }

  async update(user: AuthUser, siteId: string, id: string, rule: AutoReplyRule): Promise<AutoReplyDto> {
    const site = await this.sites.findManageable(user, siteId);
    await this.find(site, id);
    await this.assertAssignable(site, rule);
    const row = await this.prisma.autoReply.update({ where: { id }, data: toRowData(rule) });
    this.siteCaches.invalidate(AUTO_REPLY_RULES_CACHE, site.id);
    return toAutoReplyDto(row);
  }

  async remove(user: AuthUser, siteId: string, id: string): Promise<void> {
    const site = await this.sites.findManageable(user, siteId);
    await this.find(site, id);
    await this.prisma.autoReply.delete({ where: { id } });
    this.siteCaches.invalidate(AUTO_REPLY_RULES_CACHE, site.id);
  }

  private async find(site: Site, id: string): Promise<AutoReply> {
    const row = await this.prisma.autoReply.findFirst({ where: { id, organizationId: site.organizationId, siteId: site.id } });
    if (!row) throw new AppError('not_found', 'No auto-reply has this id');
    return row;
  }

  /** A rule may only assign chats to an active member who can see the site. */
  private async assertAssignable(site: Site, rule: AutoReplyRule): Promise<void> {
    if (!rule.assignToOperatorId) return;
    const assignee = await this.prisma.user.findFirst({
      where: {
        id: rule.assignToOperatorId,
        organizationId: site.organizationId,
        active: true,
        OR: [{ role: { in: ['OWNER', 'ADMIN'] } }, { siteUsers: { some: { siteId: site.id } } }],
      },
      select: { id: true },
    });
    if (!assignee) {
      throw new AppError('validation_failed', 'Invalid input: assignToOperatorId: no active member who can see this site has this id', [
        { path: ['assignToOperatorId'], message: 'No active member who can see this site has this id' },
      ]);
    }
  }
}

import type { MessageDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { type SiteCache, SiteCachesService } from '../common/cluster/site-caches.service.js';
import type { Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AutoReplyFiringService } from './auto-reply-firing.service.js';
import { matchAutoReplies, type StoredAutoReplyRule } from './auto-reply-matcher.js';
import { AUTO_REPLY_RULES_CACHE, toRule } from './auto-reply-rows.js';
import { businessStatus } from './business-hours.js';
import { BusinessHoursService } from './business-hours.service.js';
import { Clock } from './clock.js';
import { FollowUpsService } from './follow-ups.service.js';

/**
 * What automation does when a visitor's message is stored: marks the chat for follow-up when
 * the site is closed, then (unless the AI assistant holds the chat and answers it) fires the
 * site's KEYWORD, PATTERN, FIRST_MESSAGE and OUTSIDE_HOURS rules, in position order, up to the
 * first firing rule with `stopAfter`.
 *
 * Each firing is claimed per (rule, chat, cause): the cause is the message's seq, so a rule
 * answers one message once; for OUTSIDE_HOURS it is the closed period ("hours:" and when the site
 * opens next), so a visitor who writes five times at night gets one "we are closed".
 */
@Injectable()
export class AutoReplyResponderService {
  /**
   * Each site's enabled message rules in evaluation order, read on every visitor message; every
   * change through AutoRepliesService drops them (on every node).
   */
  private readonly rules: SiteCache<StoredAutoReplyRule[]>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly hours: BusinessHoursService,
    private readonly followUps: FollowUpsService,
    private readonly firings: AutoReplyFiringService,
    private readonly clock: Clock,
    siteCaches: SiteCachesService,
  ) {
    this.rules = siteCaches.create(AUTO_REPLY_RULES_CACHE, async (siteId) => {
      const rows = await this.prisma.autoReply.findMany({
        where: { siteId, enabled: true, trigger: { not: 'NO_REPLY' } },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      });
      return rows.map(toRule);
    });
  }

  async onVisitorMessage(site: Site, message: MessageDto): Promise<void> {
    // Only the visitor's own messages: automated replies never come through here, so never loop.
    if (message.authorKind !== 'VISITOR' || message.internal) return;
    const now = this.clock.now();
    // Both cached per site: a site without hours and rules costs this message no query at all.
    const [settings, rules] = await Promise.all([this.hours.settingsOf(site.id), this.rules.get(site.id)]);
    const status = businessStatus(settings, now);
    if (!status.online) await this.followUps.markOutsideHours(message.chatId, now);
    if (rules.length === 0) return;
    const chat = await this.prisma.chat.findFirst({
      where: { id: message.chatId, organizationId: site.organizationId, siteId: site.id },
      include: { visitor: true },
    });
    // Read after the AI's listener ran: while the AI holds the chat, it answers, not the rules.
    if (!chat || chat.aiState === 'AI') return;

    const earlierVisitorMessages = await this.prisma.message.count({
      where: { chatId: chat.id, authorKind: 'VISITOR', seq: { lt: message.seq } },
    });
    const hoursCause = `hours:${status.nextChangeAt ?? 'closed'}`;
    const firedThisClosure = status.online
      ? []
      : await this.prisma.autoReplyFiring.findMany({ where: { chatId: chat.id, cause: hoursCause }, select: { autoReplyId: true } });
    const matched = matchAutoReplies(rules, {
      event: 'message',
      authorKind: 'VISITOR',
      text: message.text,
      isFirstVisitorMessage: earlierVisitorMessages === 0,
      isOutsideHours: !status.online,
      alreadyFiredRuleIds: new Set(firedThisClosure.map((f) => f.autoReplyId)),
    });
    for (const rule of matched) {
      const cause = rule.trigger === 'OUTSIDE_HOURS' ? hoursCause : String(message.seq);
      await this.firings.fire({ rule, chat, site, visitor: chat.visitor, cause, causeSeq: message.seq });
    }
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import { AutoReplyFiringService } from './auto-reply-firing.service.js';
import { matchAutoReplies } from './auto-reply-matcher.js';
import { toRule } from './auto-reply-rows.js';

/**
 * A NO_REPLY rule does not fire when its wait is more than this late (the API was down, or the rule
 * was just created or switched on): "still here, someone will answer shortly" hours later, or on
 * every old open chat at once, would be wrong.
 */
export const NO_REPLY_GRACE_SECONDS = 3600;

/** A chat with a due NO_REPLY rule: its last visitor message and how long that has waited (by the given clock). */
type DueChat = { chatId: string; seq: number; waitedSeconds: number };

/**
 * NO_REPLY rules: each scheduler tick (on every API node) asks the database for the open chats
 * whose last visitor message has waited a rule's `noReplySeconds` without an operator's or the
 * AI's visible answer, and that rule has not fired for that message yet; the AI's own chats are
 * left to it. Firing is claimed per (rule, chat, message seq), so with several nodes the reply is
 * sent once. An operator's answer "cancels" the wait simply by being there.
 */
@Injectable()
export class NoReplyWatcherService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly firings: AutoReplyFiringService,
  ) {}

  async fireDue(now: Date): Promise<number> {
    const due = await this.prisma.$queryRaw<DueChat[]>`
      SELECT DISTINCT c.id AS "chatId", lv.seq AS seq, EXTRACT(EPOCH FROM (${now}::timestamp - lv."createdAt"))::float8 AS "waitedSeconds"
      FROM "AutoReply" r
      JOIN "Chat" c ON c."organizationId" = r."organizationId" AND c."siteId" = r."siteId" AND c.status <> 'RESOLVED'
        AND c."lastMessageAt" > ${now}::timestamp - make_interval(secs => r."noReplySeconds" + ${NO_REPLY_GRACE_SECONDS})
      JOIN LATERAL (
        SELECT m.seq, m."createdAt" FROM "Message" m
        WHERE m."chatId" = c.id AND m."authorKind" = 'VISITOR'
        ORDER BY m.seq DESC LIMIT 1
      ) lv ON true
      WHERE r.enabled AND r.trigger = 'NO_REPLY'
        AND c."aiState" IS DISTINCT FROM 'AI'
        AND lv."createdAt" <= ${now}::timestamp - make_interval(secs => r."noReplySeconds")
        AND lv."createdAt" > ${now}::timestamp - make_interval(secs => r."noReplySeconds" + ${NO_REPLY_GRACE_SECONDS})
        AND NOT EXISTS (
          SELECT 1 FROM "Message" a
          WHERE a."chatId" = c.id AND a.seq > lv.seq AND a."authorKind" IN ('OPERATOR', 'AI') AND NOT a.internal
        )
        AND NOT EXISTS (
          SELECT 1 FROM "AutoReplyFiring" f WHERE f."autoReplyId" = r.id AND f."chatId" = c.id AND f.cause = lv.seq::text
        )
      LIMIT 100`;
    let fired = 0;
    for (const row of due) fired += await this.fireFor(row);
    return fired;
  }

  /** The chat's due NO_REPLY rules, in position order with `stopAfter`, each claimed once for this message. */
  private async fireFor(due: DueChat): Promise<number> {
    const chat = await this.prisma.chat.findUnique({ where: { id: due.chatId }, include: { site: true, visitor: true } });
    if (!chat || chat.status === 'RESOLVED') return 0;
    const seconds = Math.floor(due.waitedSeconds);
    const rules = (
      await this.prisma.autoReply.findMany({
        where: { organizationId: chat.organizationId, siteId: chat.siteId, enabled: true, trigger: 'NO_REPLY' },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      })
    )
      .map(toRule)
      .filter((rule) => rule.trigger === 'NO_REPLY' && seconds <= rule.noReplySeconds + NO_REPLY_GRACE_SECONDS);
    const cause = String(due.seq);
    const fired = await this.prisma.autoReplyFiring.findMany({ where: { chatId: chat.id, cause }, select: { autoReplyId: true } });
    const matched = matchAutoReplies(rules, {
      event: 'no_reply_timeout',
      secondsSinceLastVisitorMessageWithoutReply: seconds,
      alreadyFiredRuleIds: new Set(fired.map((f) => f.autoReplyId)),
    });
    let count = 0;
    for (const rule of matched) {
      if (await this.firings.fire({ rule, chat, site: chat.site, visitor: chat.visitor, cause, causeSeq: due.seq })) count++;
    }
    return count;
  }
}

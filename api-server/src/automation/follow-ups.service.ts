import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChatsService } from '../chats/chats.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { MailService } from '../mail/mail.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { followUpMail } from './follow-up-mail.js';

/**
 * The team is mailed once the visitor has been quiet this long, so a visitor who writes three
 * messages (or leaves their email in the off-hours prompt right after) is one mail with all of it.
 */
export const FOLLOW_UP_QUIET_MS = 60_000;

/** Unanswered chats older than this past the follow-up delay are not picked up (no mail storm for old chats after an upgrade). */
const FOLLOW_UP_LOOKBACK_MS = 24 * 3600_000;

/** Messages quoted in one follow-up mail. */
const FOLLOW_UP_MAX_MESSAGES = 20;

/**
 * Offline follow-up. A chat gets `followUpAt` when the visitor writes outside business hours, or
 * when their last message has waited `FOLLOW_UP_AFTER_MINUTES` without an operator's (or the AI's)
 * answer. The scheduler then mails the site's team once (OWNER and ADMIN members, and the
 * operators assigned to the site) and stamps `followUpNotifiedAt`; an operator's reply clears both,
 * so a later unanswered message starts a new follow-up.
 */
@Injectable()
export class FollowUpsService {
  private readonly logger = new Logger(FollowUpsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly chats: ChatsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A visitor wrote outside business hours. */
  async markOutsideHours(chatId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.chat.updateMany({
      where: { id: chatId, followUpAt: null },
      data: { followUpAt: now, followUpNotifiedAt: null },
    });
    if (count > 0) await this.announce(chatId);
  }

  /** An operator answered: the chat no longer waits for a follow-up. */
  async clear(chatId: string): Promise<void> {
    const { count } = await this.prisma.chat.updateMany({
      where: { id: chatId, OR: [{ followUpAt: { not: null } }, { followUpNotifiedAt: { not: null } }] },
      data: { followUpAt: null, followUpNotifiedAt: null },
    });
    if (count > 0) await this.announce(chatId);
  }

  /** Scheduler: marks the open chats whose last visitor message has waited too long without an answer. */
  async markUnanswered(now: Date): Promise<void> {
    const waitedSince = new Date(now.getTime() - this.config.automation.followUpAfterMs);
    const notBefore = new Date(waitedSince.getTime() - FOLLOW_UP_LOOKBACK_MS);
    const marked = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Chat" c SET "followUpAt" = ${now}, "followUpNotifiedAt" = NULL
      FROM (
        SELECT c2.id
        FROM "Chat" c2
        JOIN LATERAL (
          SELECT m.seq, m."createdAt" FROM "Message" m
          WHERE m."chatId" = c2.id AND m."authorKind" = 'VISITOR'
          ORDER BY m.seq DESC LIMIT 1
        ) lv ON true
        WHERE c2.status <> 'RESOLVED' AND c2."followUpAt" IS NULL
          AND c2."lastMessageAt" > ${notBefore}
          AND lv."createdAt" <= ${waitedSince} AND lv."createdAt" > ${notBefore}
          AND NOT EXISTS (
            SELECT 1 FROM "Message" a
            WHERE a."chatId" = c2.id AND a.seq > lv.seq AND a."authorKind" IN ('OPERATOR', 'AI') AND NOT a.internal
          )
        LIMIT 100
      ) due
      WHERE c.id = due.id AND c."followUpAt" IS NULL
      RETURNING c.id`;
    for (const { id } of marked) await this.announce(id);
  }

  /**
   * Scheduler: mails the team about each chat due for it. The stamp is set by a conditional
   * UPDATE before mailing, so with several API nodes one of them sends the mail. A mail that
   * fails is logged and not retried (a broken SMTP server must not be hammered every tick).
   */
  async notifyDue(now: Date): Promise<number> {
    const quietSince = new Date(now.getTime() - FOLLOW_UP_QUIET_MS);
    const due = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "Chat" c
      WHERE c."followUpAt" IS NOT NULL AND c."followUpNotifiedAt" IS NULL AND c."followUpAt" <= ${now} AND c.status <> 'RESOLVED'
        AND NOT EXISTS (
          SELECT 1 FROM "Message" m WHERE m."chatId" = c.id AND m."authorKind" = 'VISITOR' AND m."createdAt" > ${quietSince}
        )
      ORDER BY c."followUpAt" LIMIT 50`;
    let sent = 0;
    for (const { id } of due) {
      const { count } = await this.prisma.chat.updateMany({
        where: { id, followUpAt: { not: null }, followUpNotifiedAt: null },
        data: { followUpNotifiedAt: now },
      });
      if (count === 0) continue; // another node took it
      try {
        if (await this.mailTeam(id)) sent++;
      } catch (error) {
        this.logger.error({ err: error, chatId: id }, 'follow-up mail failed');
      }
    }
    return sent;
  }

  private async mailTeam(chatId: string): Promise<boolean> {
    const chat = await this.prisma.chat.findUnique({ where: { id: chatId }, include: { site: true, visitor: true } });
    if (!chat) return false;
    const team = await this.prisma.user.findMany({
      where: {
        organizationId: chat.organizationId,
        active: true,
        OR: [{ role: { in: ['OWNER', 'ADMIN'] } }, { siteUsers: { some: { siteId: chat.siteId } } }],
      },
      select: { email: true },
      orderBy: { createdAt: 'asc' },
    });
    if (team.length === 0) return false;
    // The visitor's messages since the last answer: what the team has to follow up on.
    const lastAnswer = await this.prisma.message.findFirst({
      where: { chatId, authorKind: { in: ['OPERATOR', 'AI'] }, internal: false },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    const messages = await this.prisma.message.findMany({
      where: { chatId, authorKind: 'VISITOR', seq: { gt: lastAnswer?.seq ?? 0 } },
      orderBy: { seq: 'desc' },
      take: FOLLOW_UP_MAX_MESSAGES,
    });
    const mail = followUpMail({
      site: chat.site,
      visitor: chat.visitor,
      messages: messages.reverse(),
      chatUrl: `${this.config.adminUrl}/inbox?chat=${encodeURIComponent(chat.id)}`,
    });
    await this.mail.send({ to: team.map((member) => member.email), ...mail });
    return true;
  }

  private async announce(chatId: string): Promise<void> {
    await this.chats.announceChange(chatId);
  }
}

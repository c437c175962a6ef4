import type { AnalyticsDto, analyticsQuerySchema, ChatFigures } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AUTO_REPLY_CLIENT_ID_PREFIX } from '../automation/auto-reply-firing.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';

type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

/** One group's row as PostgreSQL returns it (medians are double precision, or null). */
type FiguresRow = {
  key: string | null;
  chats: number;
  resolved: number;
  medianFirstResponseSeconds: number | null;
  medianFirstAiResponseSeconds: number | null;
  answeredByAi: number;
  autoReplied: number;
  medianResolutionSeconds: number | null;
  aiOnly: number;
  handedOver: number;
};

/**
 * Conversation figures for the admin panel's analytics, computed in PostgreSQL over the chats
 * started in a date range (days counted in the caller's time zone), of the sites the caller may see.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
  ) {}

  async report(user: AuthUser, query: AnalyticsQuery): Promise<AnalyticsDto> {
    const visible = await this.sites.visibleSiteIds(user);
    if (query.siteId && !visible.includes(query.siteId)) throw new AppError('site_not_found', 'No such site');
    const siteIds = query.siteId ? [query.siteId] : visible;
    const chats = this.chatsInRange(user.organizationId, siteIds, query);

    const [totals, perDay, perOperator, perSite, replies, names] = await Promise.all([
      this.figures(chats, Prisma.sql`NULL::text`),
      this.figures(chats, Prisma.sql`day::text`),
      this.figures(chats, Prisma.sql`"assignedOperatorId"`),
      this.figures(chats, Prisma.sql`"siteId"`),
      this.repliesPerOperator(user.organizationId, siteIds, query),
      this.names(user.organizationId, siteIds),
    ]);

    const byDay = new Map(perDay.map((row) => [row.key, row]));
    return {
      from: query.from,
      to: query.to,
      timezone: query.timezone,
      totals: toFigures(totals[0]),
      perDay: daysBetween(query.from, query.to).map((day) => ({ day, ...toFigures(byDay.get(day)) })),
      perOperator: perOperator
        .filter((row): row is FiguresRow & { key: string } => row.key !== null && names.users.has(row.key))
        .map((row) => ({
          operatorId: row.key,
          name: names.users.get(row.key) ?? '',
          replies: replies.get(row.key) ?? 0,
          ...toFigures(row),
        }))
        .sort((a, b) => b.chats - a.chats),
      perSite: siteIds
        .map((siteId) => ({ siteId, name: names.sites.get(siteId) ?? '', ...toFigures(perSite.find((row) => row.key === siteId)) }))
        .sort((a, b) => b.chats - a.chats || a.name.localeCompare(b.name)),
    };
  }

  /**
   * The chats of the range as a CTE body: their local start day, times and whether the AI handed
   * them over. Response times come from the messages: the first operator reply (a person's, not a
   * note) apart from the AI's first answer; an auto-reply (a SYSTEM message) is neither, and is only counted.
   */
  private chatsInRange(organizationId: string, siteIds: string[], query: AnalyticsQuery): Prisma.Sql {
    // A UTC window a day wider than the range on each side lets the index narrow the scan first.
    const lower = new Date(Date.parse(`${query.from}T00:00:00Z`) - 86_400_000);
    const upper = new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * 86_400_000);
    return Prisma.sql`
      SELECT c.*,
             ((c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${query.timezone})::date AS day,
             EXTRACT(EPOCH FROM (SELECT min(m."createdAt") FROM "Message" m
                                 WHERE m."chatId" = c.id AND m."authorKind" = 'OPERATOR' AND NOT m.internal) - c."createdAt") AS "firstResponseSeconds",
             EXTRACT(EPOCH FROM (SELECT min(m."createdAt") FROM "Message" m
                                 WHERE m."chatId" = c.id AND m."authorKind" = 'AI' AND NOT m.internal) - c."createdAt") AS "firstAiResponseSeconds",
             EXISTS (SELECT 1 FROM "Message" m
                     WHERE m."chatId" = c.id AND m."authorKind" = 'SYSTEM' AND NOT m.internal
                       AND starts_with(m."clientId", ${AUTO_REPLY_CLIENT_ID_PREFIX})) AS "autoReplied",
             EXTRACT(EPOCH FROM c."resolvedAt" - c."createdAt") AS "resolutionSeconds",
             EXISTS (SELECT 1 FROM "ChatTransition" t
                     WHERE t."chatId" = c.id AND t."to" IN ('WAITING_FOR_HUMAN', 'HUMAN')) AS "handedOver"
      FROM "Chat" c
      WHERE c."organizationId" = ${organizationId}
        AND c."siteId" = ANY(${siteIds})
        AND c."createdAt" >= ${lower} AND c."createdAt" < ${upper}
        AND ((c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${query.timezone})::date BETWEEN ${query.from}::date AND ${query.to}::date`;
  }

  private figures(chats: Prisma.Sql, key: Prisma.Sql): Promise<FiguresRow[]> {
    return this.prisma.$queryRaw<FiguresRow[]>`
      WITH c AS (${chats})
      SELECT ${key} AS key,
             count(*)::int AS chats,
             count(*) FILTER (WHERE status = 'RESOLVED')::int AS resolved,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "firstResponseSeconds") AS "medianFirstResponseSeconds",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "firstAiResponseSeconds") AS "medianFirstAiResponseSeconds",
             count(*) FILTER (WHERE "firstAiResponseSeconds" IS NOT NULL)::int AS "answeredByAi",
             count(*) FILTER (WHERE "autoReplied")::int AS "autoReplied",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "resolutionSeconds") AS "medianResolutionSeconds",
             count(*) FILTER (WHERE "aiState" IS NOT NULL AND NOT "handedOver")::int AS "aiOnly",
             count(*) FILTER (WHERE "handedOver")::int AS "handedOver"
      FROM c
      GROUP BY 1`;
  }

  /** Replies (not notes) each operator wrote in the range, in chats of these sites. */
  private async repliesPerOperator(organizationId: string, siteIds: string[], query: AnalyticsQuery): Promise<Map<string, number>> {
    const rows = await this.prisma.$queryRaw<{ authorId: string; replies: number }[]>`
      SELECT m."authorId", count(*)::int AS replies
      FROM "Message" m JOIN "Chat" c ON c.id = m."chatId"
      WHERE m."organizationId" = ${organizationId} AND c."siteId" = ANY(${siteIds})
        AND m."authorKind" = 'OPERATOR' AND NOT m.internal AND m."authorId" IS NOT NULL
        AND ((m."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${query.timezone})::date BETWEEN ${query.from}::date AND ${query.to}::date
      GROUP BY m."authorId"`;
    return new Map(rows.map((row) => [row.authorId, row.replies]));
  }

  private async names(organizationId: string, siteIds: string[]) {
    const [users, sites] = await Promise.all([
      this.prisma.user.findMany({ where: { organizationId }, select: { id: true, name: true } }),
      this.prisma.site.findMany({ where: { organizationId, id: { in: siteIds } }, select: { id: true, name: true } }),
    ]);
    return { users: new Map(users.map((u) => [u.id, u.name])), sites: new Map(sites.map((s) => [s.id, s.name])) };
  }
}

function toFigures(row: FiguresRow | undefined): ChatFigures {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    chats: row?.chats ?? 0,
    resolved: row?.resolved ?? 0,
    medianFirstResponseSeconds: round(row?.medianFirstResponseSeconds ?? null),
    medianFirstAiResponseSeconds: round(row?.medianFirstAiResponseSeconds ?? null),
    answeredByAi: row?.answeredByAi ?? 0,
    autoReplied: row?.autoReplied ?? 0,
    medianResolutionSeconds: round(row?.medianResolutionSeconds ?? null),
    aiOnly: row?.aiOnly ?? 0,
    handedOver: row?.handedOver ?? 0,
  };
}

/** Every date from `from` to `to`, both included, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

import type { AiUsageDayDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { SitesService } from '../sites/sites.service.js';

export type UsageIncrement = { inputTokens?: number; outputTokens?: number; requests?: number; handoffs?: number };

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a moment, in UTC. */
export function utcDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/**
 * What each site's AI spends per UTC day: tokens (against the daily cap), requests to the
 * provider (answers and suggestions) and handoffs. Counted with one upsert that increments, so
 * concurrent answers on several API nodes add up instead of overwriting each other.
 */
@Injectable()
export class AiUsageService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sites: SitesService,
  ) {}

  async record(site: { organizationId: string; id: string }, increment: UsageIncrement, at: Date = new Date()): Promise<void> {
    const { inputTokens = 0, outputTokens = 0, requests = 0, handoffs = 0 } = increment;
    await this.prisma.$executeRaw`
      INSERT INTO "AiUsageDay" ("organizationId", "siteId", day, "inputTokens", "outputTokens", requests, handoffs)
      VALUES (${site.organizationId}, ${site.id}, ${utcDay(at)}::date, ${inputTokens}, ${outputTokens}, ${requests}, ${handoffs})
      ON CONFLICT ("siteId", day) DO UPDATE SET
        "inputTokens" = "AiUsageDay"."inputTokens" + EXCLUDED."inputTokens",
        "outputTokens" = "AiUsageDay"."outputTokens" + EXCLUDED."outputTokens",
        requests = "AiUsageDay".requests + EXCLUDED.requests,
        handoffs = "AiUsageDay".handoffs + EXCLUDED.handoffs`;
  }

  /** Tokens (input + output) the site has spent today (UTC), against its daily cap. */
  async tokensToday(siteId: string): Promise<number> {
    const row = await this.prisma.aiUsageDay.findUnique({
      where: { siteId_day: { siteId, day: new Date(`${utcDay()}T00:00:00.000Z`) } },
      select: { inputTokens: true, outputTokens: true },
    });
    return row ? row.inputTokens + row.outputTokens : 0;
  }

  /** The last `days` UTC days, today included, oldest first; days without use count zero. */
  async list(user: AuthUser, siteId: string, days: number): Promise<AiUsageDayDto[]> {
    const site = await this.sites.findManageable(user, siteId);
    const today = Date.parse(`${utcDay()}T00:00:00.000Z`);
    const first = new Date(today - (days - 1) * DAY_MS);
    const rows = await this.prisma.aiUsageDay.findMany({ where: { siteId: site.id, day: { gte: first } } });
    const byDay = new Map(rows.map((row) => [utcDay(row.day), row]));
    return Array.from({ length: days }, (_, i) => {
      const day = utcDay(new Date(first.getTime() + i * DAY_MS));
      const row = byDay.get(day);
      return {
        day,
        inputTokens: row?.inputTokens ?? 0,
        outputTokens: row?.outputTokens ?? 0,
        requests: row?.requests ?? 0,
        handoffs: row?.handoffs ?? 0,
      };
    });
  }
}

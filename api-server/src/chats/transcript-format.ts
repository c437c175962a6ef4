import type { PrismaService } from '../prisma/prisma.service.js';

/**
 * What both transcripts share (the operator's download, the visitor's mail): the chat's title,
 * times in the reader's time zone, and which zone that is when the reader did not say.
 */

/** "2026-12-07 14:05" as the wall clock reads it in `timeZone`. */
export function transcriptTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "Flowers — Iryna — 7 December 2026": the site, the visitor, the day the chat started (in `timeZone`). */
export function transcriptTitle(siteName: string, visitor: string, startedAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'long' }).format(startedAt);
  return `${siteName} — ${visitor} — ${day}`;
}

/** What a transcript calls a visitor: the name they gave, else their email, else "Visitor" and the end of their id. */
export function visitorLabel(visitor: { id: string; name: string | null; email: string | null }): string {
  return visitor.name ?? visitor.email ?? `Visitor ${visitor.id.slice(-5)}`;
}

/** The zone a reader who did not say theirs gets: the site's business-hours zone, else UTC. */
export async function siteTimeZone(prisma: PrismaService, siteId: string): Promise<string> {
  const hours = await prisma.businessHours.findUnique({ where: { siteId }, select: { timezone: true } });
  return hours?.timezone ?? 'UTC';
}

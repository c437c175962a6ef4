import { Injectable } from '@nestjs/common';
import { ChatsService } from '../chats/chats.service.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** Chats resolved per tick at most; the rest wait for the next tick. */
const AUTO_RESOLVE_BATCH = 100;

/**
 * Resolves the chats the AI answered alone once they have been quiet for their site's
 * `AiSettings.autoResolveAfterMinutes` (null or 0: never). A chat qualifies while it is OPEN, the
 * AI still holds it (`aiState = 'AI'`, nobody assigned, no operator message ever, notes included),
 * the last message the visitor saw is the AI's (the visitor was answered, not left waiting), and
 * nothing was written in it, by anyone, for that long. Every node runs this each tick; the chats
 * service claims each chat with a conditional update, so it is resolved once. A visitor who writes
 * again afterwards starts a new conversation, as after any resolve.
 */
@Injectable()
export class AiAutoResolveService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly chats: ChatsService,
  ) {}

  async resolveDue(now: Date): Promise<number> {
    // The ("aiState", status, "lastMessageAt") index finds the open chats the AI holds, quietest
    // first; only those are joined to their settings and checked message by message.
    const due = await this.prisma.$queryRaw<{ id: string; minutes: number }[]>`
      SELECT c.id, s."autoResolveAfterMinutes" AS minutes
      FROM "Chat" c
      JOIN "AiSettings" s ON s."siteId" = c."siteId"
      WHERE c."aiState" = 'AI' AND c.status = 'OPEN' AND c."assignedOperatorId" IS NULL
        AND c."lastMessageAt" <= ${now}::timestamp - interval '1 minute'
        AND s."autoResolveAfterMinutes" > 0
        AND c."lastMessageAt" <= ${now}::timestamp - make_interval(mins => s."autoResolveAfterMinutes")
        AND (
          SELECT m."authorKind" FROM "Message" m WHERE m."chatId" = c.id AND NOT m.internal ORDER BY m.seq DESC LIMIT 1
        ) = 'AI'
        AND NOT EXISTS (
          SELECT 1 FROM "Message" m
          WHERE m."chatId" = c.id
            AND (m."authorKind" = 'OPERATOR' OR m."createdAt" > ${now}::timestamp - make_interval(mins => s."autoResolveAfterMinutes"))
        )
      ORDER BY c."lastMessageAt"
      LIMIT ${AUTO_RESOLVE_BATCH}`;
    let resolved = 0;
    for (const { id, minutes } of due) {
      const quietSince = new Date(now.getTime() - minutes * 60_000);
      if (await this.chats.resolveQuietAiChat(id, { quietSince, minutes, now })) resolved++;
    }
    return resolved;
  }
}

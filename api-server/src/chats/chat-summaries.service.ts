import type { ChatSummaryDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { Chat, Message, Visitor } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { toChatSummaryDto } from './chat-dto.js';

type SummaryRow = Chat & {
  siteName: string;
  operatorName: string | null;
  visitor: Record<string, unknown>;
  lastMessage: Record<string, unknown> | null;
};

/** JSON from `to_jsonb` carries timestamps as text without a zone; the columns hold UTC. */
function revive<T>(row: Record<string, unknown>, dateKeys: string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const key of dateKeys) if (typeof out[key] === 'string') out[key] = new Date(`${out[key]}Z`);
  return out as T;
}

/**
 * The summary of a chat as the inbox shows it, loaded after every change for fan-out. It is on
 * the path of every message, so it is one SQL statement rather than a query per relation.
 */
@Injectable()
export class ChatSummariesService {
  constructor(private readonly prisma: PrismaService) {}

  async get(chatId: string): Promise<ChatSummaryDto> {
    const rows = await this.prisma.$queryRaw<SummaryRow[]>`
      SELECT c.*, s.name AS "siteName", o.name AS "operatorName", to_jsonb(v) AS visitor, to_jsonb(m) AS "lastMessage"
      FROM "Chat" c
      JOIN "Site" s ON s.id = c."siteId"
      JOIN "Visitor" v ON v.id = c."visitorId"
      LEFT JOIN "User" o ON o.id = c."assignedOperatorId"
      LEFT JOIN LATERAL (SELECT * FROM "Message" WHERE "chatId" = c.id ORDER BY seq DESC LIMIT 1) m ON true
      WHERE c.id = ${chatId}`;
    const row = rows[0];
    if (!row) throw new Error(`chat ${chatId} vanished`);
    const { siteName, operatorName, visitor, lastMessage, ...chat } = row;
    return toChatSummaryDto({
      ...chat,
      site: { name: siteName },
      assignedOperator: operatorName === null ? null : { name: operatorName },
      visitor: revive<Visitor>(visitor, ['firstSeenAt', 'lastSeenAt']),
      messages: lastMessage ? [revive<Message>(lastMessage, ['createdAt', 'readAt'])] : [],
    });
  }
}

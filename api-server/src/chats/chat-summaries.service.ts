import type { ChatSummaryDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { Chat, Message, Visitor } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { previewMessageSql, toChatSummaryDto } from './chat-dto.js';

/**
 * What the summary statements return: the chat's columns (or the chat as JSON), the names, and
 * the visitor and the last preview message (see `isPreviewMessage`) as JSON.
 */
export type SummaryRow = {
  chat: Record<string, unknown>;
  siteName: string;
  operatorName: string | null;
  visitor: Record<string, unknown>;
  lastMessage: Record<string, unknown> | null;
};

/** Timestamp columns whose names do not end in `At`. */
const OTHER_TIMESTAMPS = new Set(['snoozedUntil']);

/**
 * JSON from `to_jsonb` carries timestamps as text without a zone; the columns hold UTC. Timestamp
 * columns are named `…At` (or listed in OTHER_TIMESTAMPS).
 */
export function reviveRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...row };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if ((key.endsWith('At') || OTHER_TIMESTAMPS.has(key)) && typeof value === 'string') out[key] = new Date(`${value}Z`);
  }
  return out as T;
}

/** A summary statement's row as the DTO. */
export function summaryFromRow(row: SummaryRow): ChatSummaryDto {
  return toChatSummaryDto({
    ...reviveRow<Chat>(row.chat),
    site: { name: row.siteName },
    assignedOperator: row.operatorName === null ? null : { name: row.operatorName },
    visitor: reviveRow<Visitor>(row.visitor),
    messages: row.lastMessage ? [reviveRow<Message>(row.lastMessage)] : [],
  });
}

/**
 * The summary of a chat as the inbox shows it, loaded after a change for fan-out: one SQL
 * statement rather than a query per relation. (A new message's summary comes with the message,
 * from the statement that stores it: see MessagesService.)
 */
@Injectable()
export class ChatSummariesService {
  constructor(private readonly prisma: PrismaService) {}

  async get(chatId: string): Promise<ChatSummaryDto> {
    const rows = await this.prisma.sql<SummaryRow>(
      {
        name: 'chatiq_chat_summary',
        text: `
          SELECT to_jsonb(c) AS chat, s.name AS "siteName", o.name AS "operatorName", to_jsonb(v) AS visitor, to_jsonb(m) AS "lastMessage"
          FROM "Chat" c
          JOIN "Site" s ON s.id = c."siteId"
          JOIN "Visitor" v ON v.id = c."visitorId"
          LEFT JOIN "User" o ON o.id = c."assignedOperatorId"
          LEFT JOIN LATERAL (SELECT * FROM "Message" p WHERE p."chatId" = c.id AND ${previewMessageSql('p')} ORDER BY p.seq DESC LIMIT 1) m ON true
          WHERE c.id = $1`,
      },
      [chatId],
    );
    const row = rows[0];
    if (!row) throw new Error(`chat ${chatId} vanished`);
    return summaryFromRow(row);
  }
}

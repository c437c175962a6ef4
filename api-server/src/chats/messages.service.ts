import type { AuthorKind } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Message } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';

export type NewMessage = {
  organizationId: string;
  chatId: string;
  clientId: string;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string | null;
  text: string;
  /** A private note (operators only). */
  internal?: boolean;
  /** A file already in attachment storage, stored with the message in the same write. */
  attachment?: { key: string; name: string; type: string; size: number };
};

/**
 * Stores messages exactly once. A message takes the chat's next sequence number (the chat row is
 * locked by the increment, so numbers are gap-free and ordered), and, unless it is a private
 * note, the next public sequence number (what the visitor sees, also gap-free); a resend with the
 * same client id returns the stored message instead of a second copy.
 */
@Injectable()
export class MessagesService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores a message, or returns the stored one for a resend. `null` when the chat does not
   * exist, or is resolved and `openOnly` is set (a visitor's next message starts a new chat).
   */
  async append(input: NewMessage, options: { openOnly?: boolean } = {}): Promise<{ message: Message; created: boolean } | null> {
    try {
      const message = await this.insert(input, options.openOnly ?? false);
      return message ? { message, created: true } : null;
    } catch (error) {
      // A resend (or a concurrent copy) of the same client id: answer with the stored row.
      if (isUniqueViolation(error)) {
        const stored = await this.findByClientId(input.chatId, input.clientId);
        if (stored) return { message: stored, created: false };
      }
      throw error;
    }
  }

  /**
   * One statement, so one round trip and atomic: the chat's counters move and the message row is
   * written together, or (on a duplicate client id, whose unique violation fails the whole
   * statement) neither happens, which keeps the numbering gap-free. The UPDATE locks the chat row
   * until commit, so concurrent messages of one chat take consecutive numbers.
   */
  private async insert(input: NewMessage, openOnly: boolean): Promise<Message | null> {
    const now = new Date();
    const internal = input.internal ?? false;
    const isReply = !internal && (input.authorKind === 'OPERATOR' || input.authorKind === 'AI');
    const fromVisitor = input.authorKind === 'VISITOR';
    const rows = await this.prisma.$queryRaw<Message[]>`
      WITH chat AS (
        UPDATE "Chat" SET
          "lastSeq" = "lastSeq" + 1,
          "lastPublicSeq" = "lastPublicSeq" + ${internal ? 0 : 1},
          "lastMessageAt" = CASE WHEN ${internal} THEN "lastMessageAt" ELSE ${now} END,
          "unreadCount" = "unreadCount" + ${fromVisitor ? 1 : 0},
          "firstResponseAt" = CASE WHEN ${isReply} AND "firstResponseAt" IS NULL THEN ${now} ELSE "firstResponseAt" END,
          "updatedAt" = ${now}
        WHERE id = ${input.chatId} AND (${!openOnly} OR status <> 'RESOLVED')
        RETURNING "lastSeq", "lastPublicSeq"
      )
      INSERT INTO "Message" (id, "organizationId", "chatId", seq, "publicSeq", "clientId", "authorKind", "authorId", "authorName", text, internal,
                             "attachmentKey", "attachmentName", "attachmentType", "attachmentSize", "createdAt")
      SELECT ${randomUUID()}, ${input.organizationId}, ${input.chatId}, chat."lastSeq",
             CASE WHEN ${internal} THEN NULL ELSE chat."lastPublicSeq" END,
             ${input.clientId}, ${input.authorKind}::"AuthorKind", ${input.authorId}, ${input.authorName}, ${input.text}, ${internal},
             ${input.attachment?.key ?? null}, ${input.attachment?.name ?? null}, ${input.attachment?.type ?? null}, ${input.attachment?.size ?? null}, ${now}
      FROM chat
      RETURNING *`;
    return rows[0] ?? null;
  }

  /** The `limit` messages just before `beforeSeq`, in order (older history, page by page). */
  async before(chatId: string, beforeSeq: number, options: { limit: number; includeInternal: boolean }): Promise<Message[]> {
    const rows = await this.prisma.message.findMany({
      where: { chatId, seq: { lt: beforeSeq }, ...(options.includeInternal ? {} : { internal: false }) },
      orderBy: { seq: 'desc' },
      take: options.limit,
    });
    return rows.reverse();
  }

  /** Messages of a chat after a sequence number, in order; private notes only for operators. */
  after(chatId: string, afterSeq: number, options: { limit?: number; includeInternal: boolean }): Promise<Message[]> {
    return this.prisma.message.findMany({
      where: { chatId, seq: { gt: afterSeq }, ...(options.includeInternal ? {} : { internal: false }) },
      orderBy: { seq: 'asc' },
      take: options.limit ?? 500,
    });
  }

  findByClientId(chatId: string, clientId: string): Promise<Message | null> {
    return this.prisma.message.findUnique({ where: { chatId_clientId: { chatId, clientId } } });
  }
}

import type { AuthorKind } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
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
};

/**
 * Stores messages exactly once. A message takes the chat's next sequence number (the chat row is
 * locked by the increment, so numbers are gap-free and ordered); a resend with the same client
 * id returns the stored message instead of a second copy.
 */
@Injectable()
export class MessagesService {
  constructor(private readonly prisma: PrismaService) {}

  async append(input: NewMessage): Promise<{ message: Message; created: boolean }> {
    const existing = await this.findByClientId(input.chatId, input.clientId);
    if (existing) return { message: existing, created: false };
    try {
      const message = await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const isReply = input.authorKind === 'OPERATOR' || input.authorKind === 'AI';
        const chat = await tx.chat.update({
          where: { id: input.chatId },
          data: { lastSeq: { increment: 1 }, lastMessageAt: now },
          select: { lastSeq: true, firstResponseAt: true },
        });
        if (isReply && !chat.firstResponseAt) {
          await tx.chat.update({ where: { id: input.chatId }, data: { firstResponseAt: now } });
        }
        return tx.message.create({ data: { ...input, seq: chat.lastSeq, createdAt: now } });
      });
      return { message, created: true };
    } catch (error) {
      // A concurrent resend of the same client id won the race: answer with its row.
      if (isUniqueViolation(error)) {
        const winner = await this.findByClientId(input.chatId, input.clientId);
        if (winner) return { message: winner, created: false };
      }
      throw error;
    }
  }

  /** Messages of a chat after a sequence number, in order. */
  after(chatId: string, afterSeq: number, limit = 500): Promise<Message[]> {
    return this.prisma.message.findMany({
      where: { chatId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
  }

  private findByClientId(chatId: string, clientId: string): Promise<Message | null> {
    return this.prisma.message.findUnique({ where: { chatId_clientId: { chatId, clientId } } });
  }
}

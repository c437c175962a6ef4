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
  /** A private note (operators only). */
  internal?: boolean;
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

  async append(input: NewMessage): Promise<{ message: Message; created: boolean }> {
    const existing = await this.findByClientId(input.chatId, input.clientId);
    if (existing) return { message: existing, created: false };
    try {
      const message = await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const isReply = !input.internal && (input.authorKind === 'OPERATOR' || input.authorKind === 'AI');
        const fromVisitor = input.authorKind === 'VISITOR';
        const chat = await tx.chat.update({
          where: { id: input.chatId },
          data: {
            lastSeq: { increment: 1 },
            ...(input.internal ? {} : { lastMessageAt: now, lastPublicSeq: { increment: 1 } }),
            ...(fromVisitor ? { unreadCount: { increment: 1 } } : {}),
          },
          select: { lastSeq: true, lastPublicSeq: true, firstResponseAt: true },
        });
        if (isReply && !chat.firstResponseAt) {
          await tx.chat.update({ where: { id: input.chatId }, data: { firstResponseAt: now } });
        }
        return tx.message.create({
          data: { ...input, seq: chat.lastSeq, publicSeq: input.internal ? null : chat.lastPublicSeq, createdAt: now },
        });
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

  /** Messages of a chat after a sequence number, in order; private notes only for operators. */
  after(chatId: string, afterSeq: number, options: { limit?: number; includeInternal: boolean }): Promise<Message[]> {
    return this.prisma.message.findMany({
      where: { chatId, seq: { gt: afterSeq }, ...(options.includeInternal ? {} : { internal: false }) },
      orderBy: { seq: 'asc' },
      take: options.limit ?? 500,
    });
  }

  private findByClientId(chatId: string, clientId: string): Promise<Message | null> {
    return this.prisma.message.findUnique({ where: { chatId_clientId: { chatId, clientId } } });
  }
}

import type { ChatSummaryDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';
import { chatSummaryInclude, toChatSummaryDto } from './chat-dto.js';

/** Loads the summary of a chat as the inbox shows it (after any change, for fan-out). */
@Injectable()
export class ChatSummariesService {
  constructor(private readonly prisma: PrismaService) {}

  async get(chatId: string): Promise<ChatSummaryDto> {
    const chat = await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId }, include: chatSummaryInclude });
    return toChatSummaryDto(chat);
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChatEventsService, LISTENER_ORDER } from '../events/chat-events.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { ChatsService } from './chats.service.js';

/** Snoozed chats woken per scheduler tick at most; the rest wait for the next tick. */
const WAKE_BATCH = 100;

/**
 * Brings snoozed chats back to OPEN (`ChatsService.wakeSnoozed`), in two ways:
 * - at their time: the automation scheduler calls `wakeDue(now)` on every API node each tick. The
 *   wake-up time lives in the chat row (`snoozedUntil`), so a restart or a node that goes away loses
 *   none, and the conditional update in `wakeSnoozed` lets exactly one node wake each chat;
 * - when the visitor writes: a `messageStored` listener. The summary the append statement returned
 *   says whether the chat is snoozed, so a visitor message to any other chat costs no query.
 */
@Injectable()
export class SnoozeWakeService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly chats: ChatsService,
    private readonly events: ChatEventsService,
  ) {}

  onModuleInit(): void {
    this.events.on(
      'messageStored',
      async ({ posted, author }) => {
        if (author.kind !== 'VISITOR' || posted.message.internal) return;
        const chat = await posted.chat; // already read by the statement that stored the message
        if (chat.status === 'SNOOZED') await this.chats.wakeSnoozed(chat.id, 'visitor', new Date());
      },
      LISTENER_ORDER.chats,
    );
  }

  /** Wakes the chats whose time has come (earliest first); returns how many this node woke. */
  async wakeDue(now: Date): Promise<number> {
    const due = await this.prisma.chat.findMany({
      where: { status: 'SNOOZED', snoozedUntil: { lte: now } },
      select: { id: true },
      orderBy: { snoozedUntil: 'asc' },
      take: WAKE_BATCH,
    });
    let woken = 0;
    for (const { id } of due) if (await this.chats.wakeSnoozed(id, 'time', now)) woken++;
    return woken;
  }
}

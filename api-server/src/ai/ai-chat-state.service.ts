import { randomUUID } from 'node:crypto';
import type { AiChatState, AiHandoffReason, ChatSummaryDto, ChatTransitionDto } from '@chatiq/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { toMessageDto } from '../chats/chat-dto.js';
import { ChatSummariesService } from '../chats/chat-summaries.service.js';
import { ChatsService } from '../chats/chats.service.js';
import { MessagesService } from '../chats/messages.service.js';
import { loadSummary } from '../chats/summary-loader.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { ChatEventsService, LISTENER_ORDER } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Chat, ChatTransition } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { AiSettingsService } from './ai-settings.service.js';
import { AiStreamsService } from './ai-streams.service.js';
import { AiUsageService } from './ai-usage.service.js';
import { handoffLanguage, handoffMessage } from './handoff-message.js';

type ChatRow = Pick<Chat, 'id' | 'organizationId' | 'siteId' | 'visitorId' | 'aiState' | 'assignedOperatorId' | 'status'>;

type Change = {
  to: AiChatState;
  reason: AiHandoffReason;
  /** The states the chat may be in for this change; otherwise nothing happens. */
  from: readonly (AiChatState | null)[];
  detail?: string | null;
  actorId?: string | null;
  /** AI and WAITING_FOR_HUMAN need the chat unassigned: set to drop the operator. */
  unassign?: boolean;
  /** HUMAN needs an operator on the chat: this one, when it has none. */
  assignIfNone?: string;
};

export type HandoffContext = { detail?: string | null; locale?: string | null };

/**
 * Who answers a chat: the per-chat state machine `AI` → `WAITING_FOR_HUMAN` → `HUMAN` (and back to
 * `AI` when an operator hands back). Every change is one transaction that locks the chat row,
 * checks the state it starts from, and records a ChatTransition with its reason; then it is
 * announced: `chat:transition` to operators in the chat, `ai:handoff` to the visitor, the
 * summary (with `aiState`) to the inbox. The AI taking an unowned chat (null → AI) is not a
 * change of hands and is not recorded; every change from or to a person is.
 */
@Injectable()
export class AiChatStateService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: ChatEventsService,
    private readonly chats: ChatsService,
    private readonly messages: MessagesService,
    private readonly summaries: ChatSummariesService,
    private readonly fanout: RealtimeFanoutService,
    private readonly settings: AiSettingsService,
    private readonly usage: AiUsageService,
    private readonly streams: AiStreamsService,
  ) {}

  onModuleInit(): void {
    // Opening a chat (admin:join) only reads: it never stops the AI. An assignment to someone
    // ("Assign to me" included) or an operator's reply does.
    // Awaited by ChatsService before the assignment is acknowledged.
    this.events.on(
      'chatAssigned',
      ({ user, chatId, operatorId }) => (operatorId ? this.takeOver(user, chatId) : undefined),
      LISTENER_ORDER.ai,
    );
    this.events.on(
      'messageStored',
      ({ posted, author }) =>
        author.kind === 'OPERATOR' && !posted.message.internal ? this.takeOverOnReply(author.user, posted) : undefined,
      LISTENER_ORDER.ai,
    );
  }

  /**
   * An operator's reply takes the chat from the AI. The summary stored with the reply was read in
   * the same statement that assigned the chat to them when nobody had it, so a chat the AI did not
   * hold then cannot become the AI's afterwards (claiming needs it unassigned): no lookup needed.
   */
  private async takeOverOnReply(user: AuthUser, posted: PostedMessage): Promise<void> {
    const chatId = posted.message.chatId;
    this.streams.stopHere(chatId, 'operator_takeover');
    const summary = await posted.chat.catch(() => null);
    if (summary && summary.aiState !== 'AI' && summary.aiState !== 'WAITING_FOR_HUMAN') return;
    await this.takeOver(user, chatId);
  }

  /** The site's AI starts answering a chat nobody owns (null → AI). False when someone else has it. */
  async claim(chatId: string): Promise<boolean> {
    const { count } = await this.prisma.chat.updateMany({
      where: { id: chatId, aiState: null, assignedOperatorId: null, status: { not: 'RESOLVED' } },
      data: { aiState: 'AI', handledBy: 'AI' },
    });
    if (count === 1) await this.announceSummary(chatId);
    return count === 1;
  }

  /**
   * The AI gives way (the model asked, the visitor asked, a failure, a spent cap): the chat waits
   * for a human, the visitor reads a polite message. Null when the AI no longer held the chat.
   */
  async handOff(chatId: string, reason: AiHandoffReason, context: HandoffContext = {}): Promise<ChatTransition | null> {
    const changed = await this.change(chatId, { to: 'WAITING_FOR_HUMAN', reason, from: [null, 'AI'], detail: context.detail });
    if (!changed) return null;
    const { chat, transition } = changed;
    this.streams.stopEverywhere(chat.id, reason);
    const last = await this.prisma.message.findFirst({
      where: { chatId: chat.id, authorKind: 'VISITOR' },
      orderBy: { seq: 'desc' },
      select: { text: true },
    });
    const stored = await this.messages.append({
      organizationId: chat.organizationId,
      chatId: chat.id,
      clientId: `ai-handoff:${transition.id}`,
      authorKind: 'SYSTEM',
      authorId: null,
      authorName: null,
      text: handoffMessage(handoffLanguage(context.locale, last?.text)),
      // The text is the visitor's language already; the code tells clients what it is.
      systemEvent: { code: 'ai.handoff', params: { reason } },
    });
    if (stored) {
      const posted = {
        message: toMessageDto(stored.message),
        chat: loadSummary(this.summaries, chat.id),
        created: stored.created,
        organizationId: chat.organizationId,
        visitorId: chat.visitorId,
      };
      this.events.messageStored({ posted, author: { kind: 'SYSTEM' } });
    }
    await this.usage.record({ organizationId: chat.organizationId, id: chat.siteId }, { handoffs: 1 });
    await this.announce(chat, transition);
    return transition;
  }

  /**
   * An operator took the chat (joined it unowned, replied, or had it assigned): the AI stops at
   * once and the chat is a person's (AI or WAITING_FOR_HUMAN → HUMAN): the assignee's, else this
   * operator's (a reply from a socket that still remembers the chat as its own from before a
   * hand-back assigns nobody in the chats domain). A no-op for chats without AI.
   */
  async takeOver(user: AuthUser, chatId: string): Promise<void> {
    // Stop a stream on this node first, before any await: not one more delta goes out.
    this.streams.stopHere(chatId, 'operator_takeover');
    const chat = await this.prisma.chat.findUnique({ where: { id: chatId }, select: { aiState: true, organizationId: true } });
    if (chat?.organizationId !== user.organizationId || (chat.aiState !== 'AI' && chat.aiState !== 'WAITING_FOR_HUMAN')) return;
    if (chat.aiState === 'AI') this.streams.stopEverywhere(chatId, 'operator_takeover');
    const changed = await this.change(chatId, {
      to: 'HUMAN',
      reason: 'operator_takeover',
      from: ['AI', 'WAITING_FOR_HUMAN'],
      detail: user.name,
      actorId: user.id,
      assignIfNone: user.id,
    });
    if (changed) await this.announce(changed.chat, changed.transition);
  }

  /** `chat:handback`: an operator who can see the chat gives it (back) to the AI, unassigned. */
  async handBack(user: AuthUser, chatId: string): Promise<ChatSummaryDto> {
    const chat = await this.chats.assertCanSee(user, chatId);
    if (chat.status === 'RESOLVED') throw new AppError('validation_failed', 'A resolved chat cannot be handed to the AI; reopen it first');
    const active = await this.settings.forAnswering(chat.siteId).catch(() => null);
    if (!active || active === 'off') throw new AppError('ai_not_configured', "This site's AI assistant is off or has no usable API key");
    const changed = await this.change(chat.id, {
      to: 'AI',
      reason: 'operator_handback',
      from: [null, 'HUMAN', 'WAITING_FOR_HUMAN'],
      detail: user.name,
      actorId: user.id,
      unassign: true,
    });
    if (!changed) return this.summaries.get(chat.id); // already the AI's
    return this.announce(changed.chat, changed.transition);
  }

  /** A chat's transitions, oldest first, for an operator who can see it. */
  async transitions(user: AuthUser, chatId: string): Promise<ChatTransitionDto[]> {
    const chat = await this.chats.assertCanSee(user, chatId);
    const rows = await this.prisma.chatTransition.findMany({
      where: { chatId: chat.id, organizationId: user.organizationId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toTransitionDto);
  }

  private change(chatId: string, change: Change): Promise<{ chat: ChatRow; transition: ChatTransition } | null> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ChatRow[]>`
        SELECT id, "organizationId", "siteId", "visitorId", "aiState", "assignedOperatorId", status
        FROM "Chat" WHERE id = ${chatId} FOR UPDATE`;
      const current = rows[0];
      if (!current || !change.from.includes(current.aiState)) return null;
      const assignedOperatorId = change.unassign ? null : (current.assignedOperatorId ?? change.assignIfNone ?? null);
      if (change.to === 'HUMAN' && !assignedOperatorId) return null;
      if (change.to !== 'HUMAN' && assignedOperatorId) return null; // a person has it
      await tx.chat.update({
        where: { id: chatId },
        data: {
          aiState: change.to,
          handledBy: change.to === 'AI' ? 'AI' : change.to === 'HUMAN' ? 'OPERATOR' : 'UNASSIGNED',
          assignedOperatorId,
        },
      });
      const transition = await tx.chatTransition.create({
        data: {
          id: randomUUID(),
          organizationId: current.organizationId,
          chatId,
          from: current.aiState,
          to: change.to,
          reason: change.reason,
          detail: change.detail?.slice(0, 1000) ?? null,
          actorId: change.actorId ?? null,
        },
      });
      return { chat: { ...current, aiState: change.to, assignedOperatorId }, transition };
    });
  }

  private async announce(chat: ChatRow, transition: ChatTransition): Promise<ChatSummaryDto> {
    this.fanout.toChatOperators(chat.id, 'chat:transition', toTransitionDto(transition));
    this.fanout.toVisitor(chat.visitorId, 'ai:handoff', {
      chatId: chat.id,
      reason: transition.reason as AiHandoffReason,
      state: transition.to,
    });
    return this.announceSummary(chat.id, chat);
  }

  private async announceSummary(chatId: string, known?: Pick<ChatRow, 'organizationId' | 'visitorId'>): Promise<ChatSummaryDto> {
    const summary = await this.summaries.get(chatId);
    const chat =
      known ?? (await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId }, select: { organizationId: true, visitorId: true } }));
    this.events.chatChanged({ chat: summary, organizationId: chat.organizationId, visitorId: chat.visitorId });
    return summary;
  }
}

export function toTransitionDto(row: ChatTransition): ChatTransitionDto {
  return {
    id: row.id,
    chatId: row.chatId,
    from: row.from,
    to: row.to,
    reason: row.reason as AiHandoffReason,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
  };
}

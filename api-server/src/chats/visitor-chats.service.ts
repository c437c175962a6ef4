import { randomBytes } from 'node:crypto';
import {
  MAX_VISITOR_CHAT_MESSAGES,
  MAX_VISITOR_CHATS,
  type VisitorConversationResult,
  type VisitorHistoryResult,
  type VisitorJoinResult,
  type visitorConversationPayloadSchema,
  type visitorIdentifyPayloadSchema,
  type visitorJoinPayloadSchema,
  type visitorMessagePayloadSchema,
  type visitorPagePayloadSchema,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from '../common/errors/app-error.js';
import { ContactGateService, contactBlocked } from '../contacts/contact-gate.service.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Chat, Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { withAuthorAvatars } from './author-avatars.js';
import { PREVIEW_AUTHOR_KINDS, toMessageDto } from './chat-dto.js';
import { ChatSummariesService } from './chat-summaries.service.js';
import { MessagesService, type NewMessage } from './messages.service.js';
import { loadSummary } from './summary-loader.js';

type VisitorJoin = z.output<typeof visitorJoinPayloadSchema>;
type VisitorMessage = z.output<typeof visitorMessagePayloadSchema>;
type VisitorPage = z.output<typeof visitorPagePayloadSchema>;
type VisitorIdentify = z.output<typeof visitorIdentifyPayloadSchema>;
type VisitorConversation = z.output<typeof visitorConversationPayloadSchema>;

/** What a widget socket knows about its visitor once joined. */
export type VisitorRef = { id: string; name: string | null; chatId: string | null };

/**
 * Where a visitor's message came from: the widget socket that sent it (not echoed to it), the
 * widget's language, and the file it carries (uploads).
 */
export type VisitorMessageOrigin = { socketId?: string; locale: string | null; attachment?: NewMessage['attachment'] };

/** The visitor's side of conversations: always scoped to one site and one visitor. */
@Injectable()
export class VisitorChatsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly messages: MessagesService,
    private readonly summaries: ChatSummariesService,
    private readonly events: ChatEventsService,
    private readonly gate: ContactGateService,
  ) {}

  /**
   * Identifies the visitor of a site (the stored id when it belongs to this site, else a new
   * visitor) and records where they are. Call `history` after subscribing the socket to the
   * visitor's room, so no message can fall between the two. A visitor whose contact is blocked is
   * refused (`contact_blocked`) before anything is written; a contact's last visit is its visitor's.
   */
  async resolveVisitor(
    site: Site,
    payload: VisitorJoin,
    userAgent: string | undefined,
  ): Promise<{ id: string; name: string | null; emailKnown: boolean }> {
    const profile = {
      currentPageUrl: payload.page?.url,
      currentPageTitle: payload.page?.title,
      locale: payload.locale,
      userAgent: userAgent?.slice(0, 500),
      lastSeenAt: new Date(),
    };
    const known = payload.visitorId
      ? await this.prisma.visitor.findFirst({
          where: { id: payload.visitorId, siteId: site.id },
          select: { id: true, contact: { select: { blocked: true } } },
        })
      : null;
    if (known?.contact?.blocked) throw contactBlocked();
    const visitor = known
      ? await this.prisma.visitor.update({
          where: { id: known.id },
          data: { ...profile, ...(known.contact ? { contact: { update: { lastSeenAt: profile.lastSeenAt } } } : {}) },
        })
      : await this.prisma.visitor.create({
          data: { id: newVisitorId(), organizationId: site.organizationId, siteId: site.id, referrer: payload.referrer, ...profile },
        });
    return { id: visitor.id, name: visitor.name, emailKnown: visitor.email !== null };
  }

  /** The visitor's open chat and its messages after `afterSeq` (never private notes). */
  async history(site: Site, visitorId: string, afterSeq: number): Promise<VisitorJoinResult> {
    const chat = await this.openChatOf(visitorId, site.id);
    const messages = chat ? await this.messages.after(chat.id, afterSeq, { includeInternal: false }) : [];
    return {
      visitorId,
      chatId: chat?.id ?? null,
      messages: await withAuthorAvatars(this.prisma, site.organizationId, messages.map(toMessageDto)),
    };
  }

  /**
   * The visitor's conversations on this site, newest first (the open one included), each with its
   * status and the last message a person or the AI wrote in it: what the visitor saw, never a note.
   */
  async pastChats(site: Site, visitorId: string): Promise<VisitorHistoryResult> {
    const chats = await this.prisma.chat.findMany({
      where: { visitorId, siteId: site.id },
      select: {
        id: true,
        status: true,
        createdAt: true,
        messages: { where: { internal: false, authorKind: { in: [...PREVIEW_AUTHOR_KINDS] } }, orderBy: { seq: 'desc' }, take: 1 },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_VISITOR_CHATS,
    });
    return {
      chats: chats.map((chat) => ({
        id: chat.id,
        status: chat.status,
        createdAt: chat.createdAt.toISOString(),
        lastMessage: chat.messages[0] ? toMessageDto(chat.messages[0]) : null,
      })),
    };
  }

  /**
   * One of the visitor's own conversations on this site, read only: its newest visible messages
   * (never a private note), or those before `beforeSeq`. Anyone else's chat is `chat_not_found`.
   */
  async chatMessages(site: Site, visitorId: string, { chatId, beforeSeq }: VisitorConversation): Promise<VisitorConversationResult> {
    const chat = await this.prisma.chat.findFirst({
      where: { id: chatId, visitorId, siteId: site.id },
      select: { id: true, lastSeq: true },
    });
    if (!chat) throw new AppError('chat_not_found', 'No such chat');
    const messages = await this.messages.before(chat.id, beforeSeq ?? chat.lastSeq + 1, {
      limit: MAX_VISITOR_CHAT_MESSAGES,
      includeInternal: false,
    });
    return { chatId: chat.id, messages: messages.map(toMessageDto) };
  }

  /**
   * Stores a visitor's message in their open chat (`visitor.chatId`, when the socket knows it),
   * starting a chat if they have none or it was resolved. The visitor was checked against the
   * site when the socket joined. Emits `messageStored` once stored (not for a resend).
   */
  async postMessage(site: Site, visitor: VisitorRef, payload: VisitorMessage, origin: VisitorMessageOrigin): Promise<PostedMessage> {
    const { attachment, socketId, locale } = origin;
    const input = (chatId: string) => ({
      attachment,
      organizationId: site.organizationId,
      chatId,
      clientId: payload.clientId,
      authorKind: 'VISITOR' as const,
      authorId: visitor.id,
      authorName: visitor.name,
      text: payload.text,
    });
    let stored = visitor.chatId ? await this.messages.append(input(visitor.chatId), { openOnly: true }) : null;
    if (!stored && visitor.chatId) {
      // The chat was resolved meanwhile. A resend of a message it already holds is that message,
      // not a first message of a new chat.
      const earlier = await this.messages.findByClientId(visitor.chatId, payload.clientId);
      if (earlier) stored = { message: earlier, created: false };
    }
    let chatStarted = false;
    if (!stored) {
      const { chat, started } = await this.openOrStartChat(site, visitor.id);
      chatStarted = started;
      stored = await this.messages.append(input(chat.id));
      if (!stored) throw new AppError('chat_not_found', 'The chat disappeared');
    }
    const { message, created } = stored;
    const posted: PostedMessage = {
      message: toMessageDto(message),
      chat: stored.summary ? Promise.resolve(stored.summary) : loadSummary(this.summaries, message.chatId),
      created,
      organizationId: site.organizationId,
      visitorId: visitor.id,
      chatStarted: created && chatStarted,
    };
    this.events.messageStored({
      posted,
      author: { kind: 'VISITOR', site, chatStarted: posted.chatStarted ?? false, locale },
      senderSocketId: socketId,
    });
    return posted;
  }

  /** Read receipt from the visitor: when the position moved, the operators in the chat get it. */
  async markRead(site: Site, visitorId: string, seq: number): Promise<void> {
    const chat = await this.openChatOf(visitorId, site.id);
    if (!chat) return;
    const readSeq = Math.min(seq, chat.lastSeq);
    if (readSeq <= chat.visitorLastReadSeq) return;
    // Only ever forward, also when two tabs race.
    await this.prisma.chat.updateMany({
      where: { id: chat.id, visitorLastReadSeq: { lt: readSeq } },
      data: { visitorLastReadSeq: readSeq },
    });
    void this.events.emit('messagesRead', { visitorId, receipt: { chatId: chat.id, seq: readSeq, by: 'visitor' } });
  }

  /** The visitor navigated: their open chat's summary, if any, shows the page (`chatChanged`). */
  async updatePage(site: Site, visitorId: string, page: VisitorPage): Promise<void> {
    await this.prisma.visitor.updateMany({
      where: { id: visitorId, siteId: site.id },
      data: { currentPageUrl: page.url, currentPageTitle: page.title ?? null, lastSeenAt: new Date() },
    });
    await this.announceChange(await this.openChatOf(visitorId, site.id));
  }

  /**
   * The visitor gave their name and/or email, and/or a user id already verified by
   * IdentityVerificationService (`verifiedUserId`); their open chat's summary, if any, shows it. Someone
   * who is or identifies as a blocked contact is refused (`contact_blocked`) and nothing is stored;
   * otherwise `visitorIdentified` runs (the contact is resolved) before this returns.
   */
  async identify(site: Site, visitorId: string, who: VisitorIdentify, verifiedUserId: string | null = null): Promise<void> {
    await this.gate.assertNotBlocked(site.organizationId, { visitorId, verifiedUserId, email: who.email });
    await this.prisma.visitor.updateMany({
      where: { id: visitorId, siteId: site.id },
      data: {
        ...(who.name ? { name: who.name } : {}),
        ...(who.email ? { email: who.email } : {}),
        ...(verifiedUserId !== null ? { externalUserId: verifiedUserId, identityVerifiedAt: new Date() } : {}),
      },
    });
    await this.events.emit('visitorIdentified', {
      site,
      visitorId,
      verifiedUserId,
      name: who.name ?? null,
      email: who.email ?? null,
      attributes: who.attributes ?? null,
    });
    await this.announceChange(await this.openChatOf(visitorId, site.id));
  }

  /** The chat's new summary to the operators (`chatChanged`), after a change of its visitor. */
  private async announceChange(chat: Chat | null): Promise<void> {
    if (!chat) return;
    this.events.chatChanged({ chat: await this.summaries.get(chat.id), organizationId: chat.organizationId, visitorId: chat.visitorId });
  }

  /** The visitor's chat that is not resolved, if any. */
  openChatOf(visitorId: string, siteId?: string): Promise<Chat | null> {
    return this.prisma.chat.findFirst({
      where: { visitorId, ...(siteId ? { siteId } : {}), status: { not: 'RESOLVED' } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /**
   * The visitor's open chat, or a new one. The visitor row is locked meanwhile, so concurrent
   * first messages (two tabs, a resend) land in one chat, never two. A blocked contact starts none.
   */
  openOrStartChat(site: Site, visitorId: string): Promise<{ chat: Chat; started: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const [visitor] = await tx.$queryRaw<{ blocked: boolean | null }[]>`
        SELECT c.blocked FROM "Visitor" v LEFT JOIN "Contact" c ON c.id = v."contactId" WHERE v.id = ${visitorId} FOR UPDATE OF v`;
      if (visitor?.blocked) throw contactBlocked();
      const open = await tx.chat.findFirst({
        where: { visitorId, status: { not: 'RESOLVED' } },
        orderBy: { createdAt: 'desc' },
      });
      if (open) return { chat: open, started: false };
      const chat = await tx.chat.create({ data: { organizationId: site.organizationId, siteId: site.id, visitorId } });
      return { chat, started: true };
    });
  }
}

/** Visitor ids live in the visitor's localStorage and identify them: unguessable. */
function newVisitorId(): string {
  return `v_${randomBytes(16).toString('base64url')}`;
}

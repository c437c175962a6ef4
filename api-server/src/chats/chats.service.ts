import type {
  AdminJoinResult,
  adminJoinPayloadSchema,
  adminMessagePayloadSchema,
  ChatSummaryDto,
  ListChatsQuery,
  ListMessagesQuery,
  MessageDto,
  VisitorJoinResult,
  visitorJoinPayloadSchema,
  visitorMessagePayloadSchema,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { Site } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { visibleSitesWhere } from '../sites/site-access.js';
import { chatSummaryInclude, toChatSummaryDto, toMessageDto } from './chat-dto.js';
import { MessagesService } from './messages.service.js';

type VisitorJoin = z.output<typeof visitorJoinPayloadSchema>;
type VisitorMessage = z.output<typeof visitorMessagePayloadSchema>;
type AdminJoin = z.output<typeof adminJoinPayloadSchema>;
type AdminMessage = z.output<typeof adminMessagePayloadSchema>;

/** A stored message with the chat it changed: what the realtime layer fans out. */
export type PostedMessage = { message: MessageDto; chat: ChatSummaryDto; created: boolean; visitorId: string };

@Injectable()
export class ChatsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly messages: MessagesService,
  ) {}

  // ---- visitors ------------------------------------------------------------------------------

  /** Identifies (or creates) the visitor of a site and returns their open chat's history. */
  async joinVisitor(site: Site, payload: VisitorJoin, userAgent: string | undefined): Promise<VisitorJoinResult> {
    const profile = {
      currentPageUrl: payload.page?.url,
      currentPageTitle: payload.page?.title,
      locale: payload.locale,
      userAgent: userAgent?.slice(0, 500),
      lastSeenAt: new Date(),
    };
    const known = payload.visitorId ? await this.prisma.visitor.findFirst({ where: { id: payload.visitorId, siteId: site.id } }) : null;
    const visitor = known
      ? await this.prisma.visitor.update({ where: { id: known.id }, data: profile })
      : await this.prisma.visitor.create({
          data: { id: newVisitorId(), organizationId: site.organizationId, siteId: site.id, ...profile },
        });
    const chat = await this.openChatOf(visitor.id);
    const messages = chat ? await this.messages.after(chat.id, payload.afterSeq) : [];
    return { visitorId: visitor.id, chatId: chat?.id ?? null, messages: messages.map(toMessageDto) };
  }

  /** Stores a visitor's message in their open chat, starting a chat if they have none. */
  async postVisitorMessage(site: Site, visitorId: string, payload: VisitorMessage): Promise<PostedMessage> {
    const visitor = await this.prisma.visitor.findFirst({ where: { id: visitorId, siteId: site.id } });
    if (!visitor) throw new AppError('not_found', 'Unknown visitor; send visitor:join first');
    const chat = await this.openOrStartChat(site, visitor.id);
    const { message, created } = await this.messages.append({
      organizationId: site.organizationId,
      chatId: chat.id,
      clientId: payload.clientId,
      authorKind: 'VISITOR',
      authorId: visitor.id,
      authorName: visitor.name,
      text: payload.text,
    });
    return { message: toMessageDto(message), chat: await this.summary(chat.id), created, visitorId: visitor.id };
  }

  // ---- operators -----------------------------------------------------------------------------

  async list(user: AuthUser, query: ListChatsQuery): Promise<ChatSummaryDto[]> {
    const chats = await this.prisma.chat.findMany({
      where: {
        organizationId: user.organizationId,
        site: visibleSitesWhere(user),
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      include: chatSummaryInclude,
      orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      take: 200,
    });
    return chats.map(toChatSummaryDto);
  }

  async listMessages(user: AuthUser, chatId: string, query: ListMessagesQuery): Promise<MessageDto[]> {
    const chat = await this.chatForUser(user, chatId);
    return (await this.messages.after(chat.id, query.afterSeq, query.limit)).map(toMessageDto);
  }

  /** Opens a chat for an operator; an unassigned chat becomes theirs (take over). */
  async joinOperator(user: AuthUser, payload: AdminJoin): Promise<AdminJoinResult> {
    const chat = await this.chatForUser(user, payload.chatId);
    if (!chat.assignedOperatorId) {
      await this.prisma.chat.update({
        where: { id: chat.id },
        data: { assignedOperatorId: user.id, handledBy: 'OPERATOR' },
      });
    }
    const messages = await this.messages.after(chat.id, payload.afterSeq);
    return { chat: await this.summary(chat.id), messages: messages.map(toMessageDto) };
  }

  async postOperatorMessage(user: AuthUser, payload: AdminMessage): Promise<PostedMessage> {
    const chat = await this.chatForUser(user, payload.chatId);
    const { message, created } = await this.messages.append({
      organizationId: chat.organizationId,
      chatId: chat.id,
      clientId: payload.clientId,
      authorKind: 'OPERATOR',
      authorId: user.id,
      authorName: user.name,
      text: payload.text,
    });
    return { message: toMessageDto(message), chat: await this.summary(chat.id), created, visitorId: chat.visitorId };
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A chat the user may see, or chat_not_found (never "forbidden": that would confirm it exists). */
  private async chatForUser(user: AuthUser, chatId: string) {
    const chat = await this.prisma.chat.findFirst({
      where: { id: chatId, organizationId: user.organizationId, site: visibleSitesWhere(user) },
    });
    if (!chat) throw new AppError('chat_not_found', 'No such chat');
    return chat;
  }

  /**
   * The visitor's open chat, or a new one. The visitor row is locked meanwhile, so concurrent
   * first messages (two tabs, a resend) land in one chat, never two.
   */
  private openOrStartChat(site: Site, visitorId: string) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Visitor" WHERE id = ${visitorId} FOR UPDATE`;
      const open = await tx.chat.findFirst({
        where: { visitorId, status: { not: 'RESOLVED' } },
        orderBy: { createdAt: 'desc' },
      });
      return open ?? tx.chat.create({ data: { organizationId: site.organizationId, siteId: site.id, visitorId } });
    });
  }

  private openChatOf(visitorId: string) {
    return this.prisma.chat.findFirst({
      where: { visitorId, status: { not: 'RESOLVED' } },
      orderBy: { createdAt: 'desc' },
    });
  }

  private async summary(chatId: string): Promise<ChatSummaryDto> {
    const chat = await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId }, include: chatSummaryInclude });
    return toChatSummaryDto(chat);
  }
}

/** Visitor ids live in the visitor's localStorage and identify them: unguessable. */
function newVisitorId(): string {
  return `v_${randomBytes(16).toString('base64url')}`;
}

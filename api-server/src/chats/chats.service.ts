import { randomUUID } from 'node:crypto';
import {
  type AdminJoinResult,
  type adminJoinPayloadSchema,
  type adminMessagePayloadSchema,
  type ChatSummaryDto,
  type ListChatsQuery,
  type ListMessagesQuery,
  MAX_VISITOR_CHATS,
  type MessageDto,
  type SystemEvent,
  type visitorInvitePayloadSchema,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { ChatChange } from '../events/chat-change.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import type { PostedMessage } from '../events/posted-message.js';
import type { Chat, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { visibleSitesWhere } from '../sites/site-access.js';
import { avatarUrlOf, withAuthorAvatars } from './author-avatars.js';
import { chatSummaryInclude, toChatSummaryDto, toMessageDto } from './chat-dto.js';
import { ChatSummariesService } from './chat-summaries.service.js';
import { type AppendResult, MessagesService, type NewMessage } from './messages.service.js';
import { loadSummary } from './summary-loader.js';
import { siteTimeZone } from './transcript-format.js';
import { VisitorChatsService } from './visitor-chats.service.js';

type AdminJoin = z.output<typeof adminJoinPayloadSchema>;
type AdminMessage = z.output<typeof adminMessagePayloadSchema>;
type VisitorInvite = z.output<typeof visitorInvitePayloadSchema>;

/** What a socket remembers about a chat it was allowed to open. */
export type ChatAccess = Pick<Chat, 'id' | 'organizationId' | 'visitorId' | 'assignedOperatorId'>;

/** The operators' side of conversations. Every chat is looked up through `chatForUser`. */
@Injectable()
export class ChatsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly messages: MessagesService,
    private readonly summaries: ChatSummariesService,
    private readonly visitorChats: VisitorChatsService,
    private readonly events: ChatEventsService,
  ) {}

  async list(user: AuthUser, query: ListChatsQuery): Promise<ChatSummaryDto[]> {
    const chats = await this.prisma.chat.findMany({
      where: {
        organizationId: user.organizationId,
        site: visibleSitesWhere(user),
        ...(query.siteId ? { siteId: query.siteId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...labelFilter(query),
      },
      include: chatSummaryInclude,
      orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      take: 200,
    });
    return chats.map(toChatSummaryDto);
  }

  /**
   * A visitor's past (and present) conversations for the visitor panel: the visitor's chats, or,
   * when the visitor is linked to a contact, every chat of the contact's visitors; only on the sites
   * the user sees, newest first. A visitor the user cannot see is `not_found`.
   */
  async listForVisitor(user: AuthUser, visitorId: string): Promise<ChatSummaryDto[]> {
    const onVisibleSites = { organizationId: user.organizationId, site: visibleSitesWhere(user) };
    const visitor = await this.prisma.visitor.findFirst({
      where: { id: visitorId, ...onVisibleSites },
      select: { id: true, contactId: true },
    });
    if (!visitor) throw new AppError('not_found', 'No such visitor');
    const chats = await this.prisma.chat.findMany({
      where: { ...onVisibleSites, visitor: visitor.contactId ? { contactId: visitor.contactId } : { id: visitor.id } },
      include: chatSummaryInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_VISITOR_CHATS,
    });
    return chats.map(toChatSummaryDto);
  }

  async listMessages(user: AuthUser, chatId: string, query: ListMessagesQuery): Promise<MessageDto[]> {
    const chat = await this.chatForUser(user, chatId);
    const options = { limit: query.limit, includeInternal: true };
    const rows =
      query.beforeSeq !== undefined
        ? await this.messages.before(chat.id, query.beforeSeq, options)
        : await this.messages.after(chat.id, query.afterSeq, options);
    return withAuthorAvatars(this.prisma, chat.organizationId, rows.map(toMessageDto));
  }

  /**
   * Opens a chat for an operator: reading only, it changes nobody's chat (the assignee, the AI's
   * hold; "Assign to me" is `assign`, and a reply takes a chat nobody owns). `subscribe` runs after
   * the access check and before the history is read, so no message falls between the two.
   */
  async join(
    user: AuthUser,
    payload: AdminJoin,
    subscribe: (chatId: string) => Promise<void>,
  ): Promise<AdminJoinResult & { access: ChatAccess }> {
    const chat = await this.chatForUser(user, payload.chatId);
    await subscribe(chat.id);
    const messages = await this.messages.after(chat.id, payload.afterSeq, { includeInternal: true });
    return {
      chat: await this.summaries.get(chat.id),
      messages: await withAuthorAvatars(this.prisma, chat.organizationId, messages.map(toMessageDto)),
      access: chat,
    };
  }

  /**
   * A reply to the visitor (`internal: false`) or a private note between operators
   * (`internal: true`). `access`: the chat as checked when this socket joined it, which spares
   * the hot path a lookup (a member removed meanwhile is disconnected; see the tenant wall).
   * `socketId`: the admin socket that sent it (not echoed to it). Emits `messageStored` once
   * stored (not for a resend).
   */
  async post(
    user: AuthUser,
    payload: AdminMessage,
    internal: boolean,
    { access, attachment, socketId }: { access?: ChatAccess; attachment?: NewMessage['attachment']; socketId?: string } = {},
  ): Promise<PostedMessage> {
    const chat = access ?? (await this.chatForUser(user, payload.chatId));
    const stored = await this.messages.append(
      {
        attachment,
        organizationId: chat.organizationId,
        chatId: chat.id,
        clientId: payload.clientId,
        authorKind: 'OPERATOR',
        authorId: user.id,
        authorName: user.name,
        text: payload.text,
        internal,
      },
      { assignTo: user.id },
    ); // replying to a chat nobody owns makes it yours, as in every shared inbox
    if (!stored) throw new AppError('chat_not_found', 'No such chat');
    const posted = this.posted(chat, stored);
    posted.message.authorAvatarUrl = avatarUrlOf(user);
    this.events.messageStored({ posted, author: { kind: 'OPERATOR', user }, senderSocketId: socketId });
    return posted;
  }

  /**
   * A proactive message: starts a chat with a visitor of a site the operator may see (or writes in
   * their open chat), as the operator's reply.
   */
  async invite(user: AuthUser, payload: VisitorInvite): Promise<PostedMessage> {
    const visitor = await this.prisma.visitor.findFirst({
      where: { id: payload.visitorId, organizationId: user.organizationId, site: visibleSitesWhere(user) },
      include: { site: true },
    });
    if (!visitor) throw new AppError('not_found', 'No such visitor');
    const { chat } = await this.visitorChats.openOrStartChat(visitor.site, visitor.id);
    return this.post(user, { chatId: chat.id, clientId: payload.clientId, text: payload.text }, false);
  }

  /**
   * The whole conversation for export, without private notes (nor the notes the server wrote):
   * every operator's message under their display name, and the zone its times are read in (the
   * reader's `timeZone`, else the site's business-hours zone, else UTC).
   */
  async transcript(
    user: AuthUser,
    chatId: string,
    timeZone?: string,
  ): Promise<{ chat: ChatSummaryDto; messages: MessageDto[]; timeZone: string }> {
    const chat = await this.chatForUser(user, chatId);
    const messages: MessageDto[] = [];
    for (let after = 0; ; ) {
      const page = await this.messages.after(chat.id, after, { limit: 500, includeInternal: false });
      messages.push(...page.map(toMessageDto));
      if (page.length < 500) break;
      after = page[page.length - 1]!.seq;
    }
    // A message stored without its author's name (none is today) gets the operator's name now.
    const unnamed = [
      ...new Set(messages.filter((m) => m.authorKind === 'OPERATOR' && !m.authorName && m.authorId).map((m) => m.authorId!)),
    ];
    if (unnamed.length > 0) {
      const users = await this.prisma.user.findMany({ where: { id: { in: unnamed } }, select: { id: true, name: true } });
      const names = new Map(users.map((u) => [u.id, u.name]));
      for (const m of messages)
        if (m.authorKind === 'OPERATOR' && !m.authorName && m.authorId) m.authorName = names.get(m.authorId) ?? null;
    }
    return { chat: await this.summaries.get(chat.id), messages, timeZone: timeZone ?? (await siteTimeZone(this.prisma, chat.siteId)) };
  }

  /**
   * Operators have read up to `seq`: unread drops to the visitor messages after it. When the
   * position moved, the inbox gets the chat and the visitor the receipt.
   */
  async markRead(user: AuthUser, chatId: string, seq: number): Promise<ChatSummaryDto> {
    const chat = await this.chatForUser(user, chatId);
    const readSeq = Math.min(seq, chat.lastSeq);
    const moved = readSeq > chat.operatorLastReadSeq;
    if (moved) {
      const unread = await this.prisma.message.count({ where: { chatId: chat.id, authorKind: 'VISITOR', seq: { gt: readSeq } } });
      await this.prisma.chat.updateMany({
        where: { id: chat.id, operatorLastReadSeq: { lt: readSeq } },
        data: { operatorLastReadSeq: readSeq, unreadCount: unread },
      });
    }
    const change = await this.change(chat);
    if (moved) {
      this.events.chatChanged(change);
      void this.events.emit('messagesRead', { visitorId: chat.visitorId, receipt: { chatId: chat.id, seq: readSeq, by: 'operator' } });
    }
    return change.chat;
  }

  /**
   * Assigns the chat to an operator of the organization who may see its site (a transfer when it
   * had one), or unassigns it. The change is recorded in the chat as a private system note.
   * Answers with the chat as it is once everyone reacted (an assignment takes it from the AI).
   */
  async assign(user: AuthUser, chatId: string, operatorId: string | null): Promise<ChatSummaryDto> {
    const chat = await this.chatForUser(user, chatId);
    let assigneeName: string | null = null;
    if (operatorId) {
      const assignee = await this.prisma.user.findFirst({
        where: {
          id: operatorId,
          organizationId: user.organizationId,
          active: true,
          OR: [{ role: { in: ['OWNER', 'ADMIN'] } }, { siteUsers: { some: { siteId: chat.siteId } } }],
        },
      });
      if (!assignee) throw new AppError('not_found', 'No operator with this id can take this chat');
      assigneeName = assignee.name;
    }
    if (chat.assignedOperatorId !== operatorId) {
      await this.prisma.chat.update({
        where: { id: chat.id },
        data: { assignedOperatorId: operatorId, handledBy: operatorId ? 'OPERATOR' : 'UNASSIGNED' },
      });
      await this.systemNote(chat, assignmentEvent(user, operatorId, assigneeName));
    }
    const change = await this.change(chat);
    this.events.chatChanged(change);
    // Awaited: assigning an AI chat to someone is a takeover, and the AI stops before the ack.
    await this.events.emit('chatAssigned', { user, chatId: chat.id, operatorId });
    // A takeover from the AI changed the chat after `change` was read: answer with it as it is now.
    return operatorId && change.chat.aiState ? this.summaries.get(chat.id) : change.chat;
  }

  /** Resolves or reopens a chat; the inbox gets it, and the visitor the new status. */
  async setStatus(user: AuthUser, chatId: string, status: 'RESOLVED' | 'OPEN'): Promise<ChatSummaryDto> {
    const chat = await this.chatForUser(user, chatId);
    const change = chat.status === status ? await this.change(chat) : await this.changeStatus(chat, status);
    this.events.chatChanged(change);
    return change.chat;
  }

  /**
   * The scheduler resolves a chat the AI alone answered once nobody wrote in it since `quietSince`.
   * One conditional update claims it (still open, still the AI's and unassigned, no operator ever
   * wrote, no message since `quietSince`), so with several API nodes one of them resolves it; that
   * node leaves the private note and fans the change out (inbox and visitor) like an operator's
   * resolve. False when another node, or a new message, came first.
   */
  async resolveQuietAiChat(
    chatId: string,
    { quietSince, minutes, now }: { quietSince: Date; minutes: number; now: Date },
  ): Promise<boolean> {
    const { count } = await this.prisma.chat.updateMany({
      where: {
        id: chatId,
        status: 'OPEN',
        aiState: 'AI',
        assignedOperatorId: null,
        lastMessageAt: { lte: quietSince },
        messages: { none: { OR: [{ authorKind: 'OPERATOR' }, { createdAt: { gt: quietSince } }] } },
      },
      data: { status: 'RESOLVED', resolvedAt: now },
    });
    if (count === 0) return false;
    const chat = await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    await this.systemNote(chat, {
      systemEvent: { code: 'chat.auto_resolved', params: { minutes: String(minutes) } },
      text: `Resolved automatically after ${minutes} min without messages (answered by the AI)`,
    });
    this.events.chatChanged({ ...(await this.change(chat)), statusChanged: 'RESOLVED' });
    return true;
  }

  /**
   * Puts a chat aside until `until` (an ISO instant the contract checked: in the future, within a
   * year): status SNOOZED, out of the open chats, with a private note saying who and until when.
   * A snoozed chat gets the new time (and a new note); a resolved one is refused (reopen it first).
   * The scheduler (`SnoozeWakeService`) brings it back at that time, a visitor's message at once.
   */
  async snooze(user: AuthUser, chatId: string, until: string): Promise<ChatSummaryDto> {
    const chat = await this.chatForUser(user, chatId);
    const { count } = await this.prisma.chat.updateMany({
      where: { id: chat.id, status: { not: 'RESOLVED' } },
      data: { status: 'SNOOZED', snoozedUntil: new Date(until) },
    });
    if (count === 0) throw new AppError('validation_failed', 'A resolved chat cannot be snoozed; reopen it first');
    const actor = user.name;
    await this.systemNote(chat, {
      systemEvent: { code: 'chat.snoozed', params: { actor, until } },
      text: `${actor} snoozed this chat until ${until}`,
    });
    const change = await this.change(chat);
    this.events.chatChanged(chat.status === 'SNOOZED' ? change : { ...change, statusChanged: 'SNOOZED' });
    return change.chat;
  }

  /**
   * Brings a snoozed chat back to OPEN: its time came (`reason` `time`, only once `snoozedUntil`
   * is at or before `now`), or its visitor wrote (`visitor`). One conditional update claims it, so
   * with several API nodes (and a visitor writing just as the time comes) exactly one caller wakes
   * it, leaves the private note and announces the change (inbox, webhooks). False when the chat
   * was not snoozed (any more), or not due.
   */
  async wakeSnoozed(chatId: string, reason: 'time' | 'visitor', now: Date): Promise<boolean> {
    const { count } = await this.prisma.chat.updateMany({
      where: { id: chatId, status: 'SNOOZED', ...(reason === 'time' ? { snoozedUntil: { lte: now } } : {}) },
      data: { status: 'OPEN', snoozedUntil: null },
    });
    if (count === 0) return false;
    const chat = await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    await this.systemNote(chat, {
      systemEvent: { code: 'chat.unsnoozed', params: { reason } },
      text: reason === 'time' ? 'Snooze ended' : 'Visitor wrote while snoozed',
    });
    this.events.chatChanged({ ...(await this.change(chat)), statusChanged: 'OPEN' });
    return true;
  }

  /** Resolving or reopening ends a snooze too (reopening a snoozed chat wakes it at once). */
  private async changeStatus(chat: Chat, status: 'RESOLVED' | 'OPEN'): Promise<ChatChange> {
    await this.prisma.chat.update({
      where: { id: chat.id },
      data: { status, resolvedAt: status === 'RESOLVED' ? new Date() : null, snoozedUntil: null },
    });
    return { ...(await this.change(chat)), statusChanged: status };
  }

  /**
   * Another domain changed the chat itself (an auto-reply's status or assignment, a follow-up
   * mark, the visitor's email): its new summary goes out as `chatChanged`, as the chats domain's own
   * changes do (the fan-out has sent it when this resolves). `statusChanged`: tell the visitor.
   */
  async announceChange(chatId: string, statusChanged?: ChatChange['statusChanged']): Promise<void> {
    const chat = await this.prisma.chat.findUniqueOrThrow({ where: { id: chatId } });
    const change = await this.change(chat);
    this.events.chatChanged(statusChanged ? { ...change, statusChanged } : change);
  }

  /** Whether the user may see a chat (for events that carry no data, like typing). */
  async assertCanSee(user: AuthUser, chatId: string): Promise<Chat> {
    return this.chatForUser(user, chatId);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A chat the user may see, or chat_not_found (never "forbidden": that would confirm it exists). */
  private async chatForUser(user: AuthUser, chatId: string): Promise<Chat> {
    const chat = await this.prisma.chat.findFirst({
      where: { id: chatId, organizationId: user.organizationId, site: visibleSitesWhere(user) },
    });
    if (!chat) throw new AppError('chat_not_found', 'No such chat');
    return chat;
  }

  private async change(chat: Chat): Promise<ChatChange> {
    return { chat: await this.summaries.get(chat.id), organizationId: chat.organizationId, visitorId: chat.visitorId };
  }

  private posted(chat: ChatAccess, { message, created, summary }: AppendResult): PostedMessage {
    return {
      message: toMessageDto(message),
      chat: summary ? Promise.resolve(summary) : loadSummary(this.summaries, chat.id),
      created,
      organizationId: chat.organizationId,
      visitorId: chat.visitorId,
    };
  }

  /** A private SYSTEM note: the event for clients to render, its English sentence as the text. */
  private async systemNote(chat: Chat, { systemEvent, text }: { systemEvent: SystemEvent; text: string }): Promise<PostedMessage> {
    const stored = await this.messages.append({
      organizationId: chat.organizationId,
      chatId: chat.id,
      clientId: `system:${randomUUID()}`,
      authorKind: 'SYSTEM',
      authorId: null,
      authorName: null,
      text,
      internal: true,
      systemEvent,
    });
    if (!stored) throw new AppError('chat_not_found', 'No such chat');
    const posted = this.posted(chat, stored);
    this.events.messageStored({ posted, author: { kind: 'SYSTEM' } });
    return posted;
  }
}

/** The note an assignment leaves in the chat: to a colleague, to oneself, or to nobody. */
function assignmentEvent(
  user: AuthUser,
  operatorId: string | null,
  assigneeName: string | null,
): { systemEvent: SystemEvent; text: string } {
  const actor = user.name;
  if (!operatorId) return { systemEvent: { code: 'chat.unassigned', params: { actor } }, text: `${actor} unassigned this chat` };
  if (operatorId === user.id) {
    return { systemEvent: { code: 'chat.self_assigned', params: { actor } }, text: `${actor} assigned this chat to themselves` };
  }
  const assignee = assigneeName ?? '';
  return { systemEvent: { code: 'chat.assigned', params: { actor, assignee } }, text: `${actor} assigned this chat to ${assignee}` };
}

/** Chats with any (or all) of the labels asked for. */
function labelFilter(query: ListChatsQuery): Prisma.ChatWhereInput {
  const labelIds = [...new Set(query.labelIds ?? [])];
  if (labelIds.length === 0) return {};
  return query.labelMatch === 'all'
    ? { AND: labelIds.map((labelId) => ({ labels: { some: { labelId } } })) }
    : { labels: { some: { labelId: { in: labelIds } } } };
}

import {
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  CHAT_SUMMARY_BATCH_MS,
  type ChatStatus,
  type ChatSummaryDto,
  type LabelsUpdatedPayload,
  type MessageDto,
  type ReadEventPayload,
  type ServerErrorPayload,
  type TypingEventPayload,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSettingsPayload,
} from '@chatiq/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { SiteCachesService } from '../common/cluster/site-caches.service.js';
import { rooms } from './rooms.js';

export type WidgetNamespace = Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;
export type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents>;

/** A chat's new summary for the inbox, and who sees the chat: its site's operators, its visitor. */
export type ChatUpdate = { chat: ChatSummaryDto; organizationId: string; visitorId: string; statusChanged?: ChatStatus };

/** A stored message to send, with its chat's summary once loaded (batched for the inbox). */
export type MessageUpdate = { message: MessageDto; chat: Promise<ChatSummaryDto>; organizationId: string; visitorId: string };

/** The most inbox summaries one `chats:updated` frame carries (a busy site's batch is split). */
const MAX_CHATS_PER_FRAME = 200;

/**
 * Sends what changed to everyone who should see it, across both namespaces (and, with the Redis
 * adapter, across every API node). Operators get chats of the sites they may see; a visitor gets
 * only their own chat, never private notes.
 *
 * Messages go out at once. The inbox summaries they cause (`chats:updated` to every operator of
 * the site: by far the most the server writes) wait up to CHAT_SUMMARY_BATCH_MS and go out
 * together, one frame per site for every chat that changed meanwhile, each chat once with its
 * latest summary: an operator's inbox gets a few frames a second however busy the site, not one
 * per message. Any other change of a chat is sent at once and replaces a waiting summary it
 * already includes (same or later `lastSeq`), so an older summary never follows a newer one.
 *
 * It knows sockets and rooms, nothing of the domains: the events layer's FanoutListener calls it
 * for every stored message and chat change (`messageStored`, `chatChanged`, `messagesRead`), first
 * of their listeners and synchronously, so a message is on its way before the sender's
 * acknowledgement.
 */
@Injectable()
export class RealtimeFanoutService implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeFanoutService.name);
  private widget?: WidgetNamespace;
  private admin?: AdminNamespace;
  /** Message-driven summaries waiting for the next batch, by chat id. */
  private readonly pendingSummaries = new Map<string, ChatUpdate>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly siteCaches: SiteCachesService) {}

  attachWidget(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  attachAdmin(ns: AdminNamespace): void {
    this.admin = ns;
    this.siteCaches.attach(ns); // invalidations between nodes travel over this namespace's adapter
  }

  /**
   * A new message. `senderSocketId`: the socket that sent it (widget or admin), which has it from
   * its acknowledgement; the sender's other tabs and everyone else get it.
   */
  messagePosted(posted: MessageUpdate, senderSocketId?: string): void {
    const { message } = posted;
    // The message first; the inbox's summary of the chat when it has loaded.
    posted.chat.then(
      (chat) => this.summaryAfterMessage({ chat, organizationId: posted.organizationId, visitorId: posted.visitorId }),
      (error: unknown) => this.logger.error({ err: error, chatId: message.chatId }, 'chat summary after a message failed'),
    );
    const operators = this.admin?.to(rooms.chat(message.chatId));
    (senderSocketId ? operators?.except(senderSocketId) : operators)?.emit('message:created', { message });
    if (message.internal) return;
    const visitor = this.widget?.to(rooms.visitor(posted.visitorId));
    if (message.authorKind === 'VISITOR') {
      (senderSocketId ? visitor?.except(senderSocketId) : visitor)?.emit('visitor:message', message);
    } else {
      visitor?.emit('admin:message', message);
    }
  }

  /** A chat's summary changed (assignment, status, read state, visitor profile…): sent at once. */
  chatChanged(change: ChatUpdate): void {
    const pending = this.pendingSummaries.get(change.chat.id);
    // A waiting summary this one already includes is dropped; one with a newer message still goes.
    if (pending && pending.chat.lastSeq <= change.chat.lastSeq) this.pendingSummaries.delete(change.chat.id);
    this.sendSummaries(change.organizationId, change.chat.siteId, [change.chat]);
    // A snooze is the operators' business: the visitor's chat simply stays open for them.
    if (change.statusChanged && change.statusChanged !== 'SNOOZED') {
      this.widget?.to(rooms.visitor(change.visitorId)).emit('chat:status', { chatId: change.chat.id, status: change.statusChanged });
    }
  }

  /** Sends every waiting summary now, one frame per site (on a timer, and on shutdown: none is lost). */
  flushSummaries(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const bySite = new Map<string, { organizationId: string; chats: ChatSummaryDto[] }>();
    for (const change of this.pendingSummaries.values()) {
      const site = bySite.get(change.chat.siteId) ?? { organizationId: change.organizationId, chats: [] };
      site.chats.push(change.chat);
      bySite.set(change.chat.siteId, site);
    }
    this.pendingSummaries.clear();
    for (const [siteId, { organizationId, chats }] of bySite) this.sendSummaries(organizationId, siteId, chats);
  }

  onModuleDestroy(): void {
    this.flushSummaries();
  }

  /** A message's summary: waits for the next batch, replacing an older one of the same chat. */
  private summaryAfterMessage(change: ChatUpdate): void {
    const pending = this.pendingSummaries.get(change.chat.id);
    if (pending && pending.chat.lastSeq > change.chat.lastSeq) return; // a newer read is already waiting
    this.pendingSummaries.set(change.chat.id, change);
    this.flushTimer ??= setTimeout(() => this.flushSummaries(), CHAT_SUMMARY_BATCH_MS);
  }

  /**
   * To the operators who may see the site: its organization's owners and admins, its operators.
   * At most MAX_CHATS_PER_FRAME summaries a frame, so no frame grows with the size of the site.
   */
  private sendSummaries(organizationId: string, siteId: string, chats: ChatSummaryDto[]): void {
    const operators = this.admin?.to(rooms.organization(organizationId)).to(rooms.site(siteId));
    for (let i = 0; i < chats.length; i += MAX_CHATS_PER_FRAME) {
      operators?.emit('chats:updated', { chats: chats.slice(i, i + MAX_CHATS_PER_FRAME) });
    }
  }

  visitorTyping(payload: TypingEventPayload): void {
    this.admin?.to(rooms.chat(payload.chatId)).emit('visitor:typing', payload);
  }

  operatorTyping(visitorId: string, payload: TypingEventPayload): void {
    this.widget?.to(rooms.visitor(visitorId)).emit('admin:typing', payload);
  }

  /** Read receipts: the visitor's go to operators in the chat; the operators' go to the visitor. */
  read(visitorId: string, payload: ReadEventPayload): void {
    if (payload.by === 'visitor') this.admin?.to(rooms.chat(payload.chatId)).emit('message:read', payload);
    else this.widget?.to(rooms.visitor(visitorId)).emit('message:read', payload);
  }

  /** An event to every tab of one visitor (AI streaming, business status, welcome…). */
  toVisitor<E extends keyof WidgetServerToClientEvents>(
    visitorId: string,
    event: E,
    ...payload: Parameters<WidgetServerToClientEvents[E]>
  ): void {
    this.widget?.to(rooms.visitor(visitorId)).emit(event, ...payload);
  }

  /** An event to one widget socket (on whichever API node holds it). */
  toWidgetSocket<E extends keyof WidgetServerToClientEvents>(
    socketId: string,
    event: E,
    ...payload: Parameters<WidgetServerToClientEvents[E]>
  ): void {
    this.widget?.to(socketId).emit(event, ...payload);
  }

  /** An event to every joined widget socket of a site (e.g. `business:status` at a boundary). */
  toSiteVisitors<E extends keyof WidgetServerToClientEvents>(
    siteId: string,
    event: E,
    ...payload: Parameters<WidgetServerToClientEvents[E]>
  ): void {
    this.widget?.to(rooms.siteVisitors(siteId)).emit(event, ...payload);
  }

  /** An event to every joined widget socket of these sites, in one broadcast (none for no site). */
  toSitesVisitors<E extends keyof WidgetServerToClientEvents>(
    siteIds: readonly string[],
    event: E,
    ...payload: Parameters<WidgetServerToClientEvents[E]>
  ): void {
    if (siteIds.length > 0) this.widget?.to(siteIds.map(rooms.siteVisitors)).emit(event, ...payload);
  }

  /** An event to the operators who opened a chat with `admin:join`. */
  toChatOperators<E extends keyof AdminServerToClientEvents>(
    chatId: string,
    event: E,
    ...payload: Parameters<AdminServerToClientEvents[E]>
  ): void {
    this.admin?.to(rooms.chat(chatId)).emit(event, ...payload);
  }

  /**
   * Ends the widget connections of these visitors (every tab, on every node), telling them why
   * first (a blocked contact).
   */
  disconnectVisitors(visitorIds: string[], error: ServerErrorPayload): void {
    if (!this.widget || visitorIds.length === 0) return;
    const visitorRooms = visitorIds.map(rooms.visitor);
    this.widget.to(visitorRooms).emit('server:error', error);
    this.widget.in(visitorRooms).disconnectSockets(true);
  }

  /**
   * `labels:updated` to the organization's owners and admins and to the operators of `siteIds`
   * (each socket once, also when it is in several of these rooms).
   */
  labelsUpdated(organizationId: string, siteIds: string[], payload: LabelsUpdatedPayload): void {
    this.admin?.to([rooms.organization(organizationId), ...siteIds.map(rooms.site)]).emit('labels:updated', payload);
  }

  /** A site's widget look changed: its joined widget sockets get the effective settings. */
  widgetSettingsChanged(siteId: string, settings: WidgetSettingsPayload): void {
    this.widget?.to(rooms.siteVisitors(siteId)).emit('settings:update', settings);
  }
}

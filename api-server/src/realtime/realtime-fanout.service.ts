import type {
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  ReadEventPayload,
  TypingEventPayload,
  WidgetSettingsPayload,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatChange } from '../chats/chats.service.js';
import type { PostedMessage } from '../chats/posted-message.js';
import { rooms } from './rooms.js';
import { SiteCachesService } from './site-caches.service.js';

export type WidgetNamespace = Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;
export type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents>;

/**
 * How long the inbox's `chat:updated` after a new message may wait for more of the same chat: a
 * visitor's message and the reply that follows within this window are one update. Each chat has
 * its own deadline (so the updates of many chats go out spread over time, not in bursts that
 * would hold up the messages behind them); deadlines are served in slots of SUMMARY_SLOT_MS.
 */
export const SUMMARY_COALESCE_MS = 50;
const SUMMARY_SLOT_MS = 5;

/**
 * Sends what changed to everyone who should see it, across both namespaces (and, with the Redis
 * adapter, across every API node). Operators get chats of the sites they may see; a visitor gets
 * only their own chat, never private notes.
 *
 * Messages go out at once. The inbox summaries they cause (`chat:updated` to every operator of the
 * site: by far the most frames the server writes) are coalesced per chat for up to
 * SUMMARY_COALESCE_MS; any other change of a chat is sent at once and replaces a coalesced summary
 * it already includes (same or later `lastSeq`), so an older summary never follows a newer one.
 */
@Injectable()
export class RealtimeFanoutService implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeFanoutService.name);
  private widget?: WidgetNamespace;
  private admin?: AdminNamespace;
  /** Message-driven summaries waiting for their chat's deadline, by chat id, in deadline order. */
  private readonly pendingSummaries = new Map<string, { change: ChatChange; due: number }>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly siteCaches: SiteCachesService) {}

  attachWidget(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  attachAdmin(ns: AdminNamespace): void {
    this.admin = ns;
    this.siteCaches.attach(ns); // invalidations between nodes travel over this namespace's adapter
  }

  /** A new message. `exceptSocketId`: the sender, who has it from its acknowledgement. */
  messagePosted(posted: PostedMessage, exceptSocketId?: string): void {
    if (!posted.created) return; // a resend: everyone already has it
    const { message } = posted;
    // The message first; the inbox's summary of the chat when it has loaded.
    posted.chat.then(
      (chat) => this.summaryAfterMessage({ chat, organizationId: posted.organizationId, visitorId: posted.visitorId }),
      (error: unknown) => this.logger.error({ err: error, chatId: message.chatId }, 'chat summary after a message failed'),
    );
    this.admin?.to(rooms.chat(message.chatId)).emit('message:created', { message });
    if (message.internal) return;
    const visitor = this.widget?.to(rooms.visitor(posted.visitorId));
    if (message.authorKind === 'VISITOR') {
      // The visitor's other tabs.
      (exceptSocketId ? visitor?.except(exceptSocketId) : visitor)?.emit('visitor:message', message);
    } else {
      visitor?.emit('admin:message', message);
    }
  }

  /** A chat's summary changed (assignment, status, read state, visitor profile…): sent at once. */
  chatChanged(change: ChatChange): void {
    const pending = this.pendingSummaries.get(change.chat.id);
    // A waiting summary this one already includes is dropped; one with a newer message still goes.
    if (pending && pending.change.chat.lastSeq <= change.chat.lastSeq) this.pendingSummaries.delete(change.chat.id);
    this.sendSummary(change);
    if (change.statusChanged) {
      this.widget?.to(rooms.visitor(change.visitorId)).emit('chat:status', { chatId: change.chat.id, status: change.statusChanged });
    }
  }

  /** Sends the coalesced summaries due by `until` (all of them by default: on shutdown, none is lost). */
  flushSummaries(until = Number.POSITIVE_INFINITY): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const [chatId, { change, due }] of this.pendingSummaries) {
      if (due > until) break; // deadline order: the rest are later
      this.pendingSummaries.delete(chatId);
      this.sendSummary(change);
    }
    this.scheduleFlush();
  }

  onModuleDestroy(): void {
    this.flushSummaries();
  }

  /** A message's summary: coalesced with the chat's next ones for up to SUMMARY_COALESCE_MS. */
  private summaryAfterMessage(change: ChatChange): void {
    const pending = this.pendingSummaries.get(change.chat.id);
    if (pending) {
      // Keeps its deadline (and place); the newer read replaces the older.
      if (pending.change.chat.lastSeq <= change.chat.lastSeq) pending.change = change;
      return;
    }
    this.pendingSummaries.set(change.chat.id, { change, due: performance.now() + SUMMARY_COALESCE_MS });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const next = this.pendingSummaries.values().next();
    if (next.done) return;
    const wait = Math.max(0, next.value.due - performance.now());
    this.flushTimer = setTimeout(() => this.flushSummaries(performance.now() + SUMMARY_SLOT_MS), wait);
  }

  private sendSummary(change: ChatChange): void {
    this.admin?.to(rooms.organization(change.organizationId)).to(rooms.site(change.chat.siteId)).emit('chat:updated', change.chat);
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

  /** An event to the operators who opened a chat with `admin:join`. */
  toChatOperators<E extends keyof AdminServerToClientEvents>(
    chatId: string,
    event: E,
    ...payload: Parameters<AdminServerToClientEvents[E]>
  ): void {
    this.admin?.to(rooms.chat(chatId)).emit(event, ...payload);
  }

  /** A site's widget look changed: its joined widget sockets get the effective settings. */
  widgetSettingsChanged(siteId: string, settings: WidgetSettingsPayload): void {
    this.widget?.to(rooms.siteVisitors(siteId)).emit('settings:update', settings);
  }
}

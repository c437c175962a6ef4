import type {
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  ReadEventPayload,
  TypingEventPayload,
  WidgetSettingsPayload,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatChange } from '../chats/chats.service.js';
import type { PostedMessage } from '../chats/posted-message.js';
import { rooms } from './rooms.js';

export type WidgetNamespace = Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;
export type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents>;

/**
 * Sends what changed to everyone who should see it, across both namespaces (and, with the Redis
 * adapter, across every API node). Operators get chats of the sites they may see; a visitor gets
 * only their own chat, never private notes.
 */
@Injectable()
export class RealtimeFanoutService {
  private readonly logger = new Logger(RealtimeFanoutService.name);
  private widget?: WidgetNamespace;
  private admin?: AdminNamespace;

  attachWidget(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  attachAdmin(ns: AdminNamespace): void {
    this.admin = ns;
  }

  /** A new message. `exceptSocketId`: the sender, who has it from its acknowledgement. */
  messagePosted(posted: PostedMessage, exceptSocketId?: string): void {
    if (!posted.created) return; // a resend: everyone already has it
    const { message } = posted;
    // The message first; the inbox's summary of the chat when it has loaded.
    posted.chat.then(
      (chat) => this.chatChanged({ chat, organizationId: posted.organizationId, visitorId: posted.visitorId }),
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

  /** A chat's summary changed (assignment, status, read state, visitor profile…). */
  chatChanged(change: ChatChange): void {
    this.admin?.to(rooms.organization(change.organizationId)).to(rooms.site(change.chat.siteId)).emit('chat:updated', change.chat);
    if (change.statusChanged) {
      this.widget?.to(rooms.visitor(change.visitorId)).emit('chat:status', { chatId: change.chat.id, status: change.statusChanged });
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

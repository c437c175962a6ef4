import type {
  AdminClientToServerEvents,
  AdminServerToClientEvents,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { PostedMessage } from '../chats/chats.service.js';
import { rooms } from './rooms.js';

export type WidgetNamespace = Namespace<WidgetClientToServerEvents, WidgetServerToClientEvents>;
export type AdminNamespace = Namespace<AdminClientToServerEvents, AdminServerToClientEvents>;

/** Sends what changed to everyone who should see it, across both namespaces. */
@Injectable()
export class RealtimeFanoutService {
  private widget?: WidgetNamespace;
  private admin?: AdminNamespace;

  attachWidget(ns: WidgetNamespace): void {
    this.widget = ns;
  }

  attachAdmin(ns: AdminNamespace): void {
    this.admin = ns;
  }

  /** A new message: operators of the site see the chat move; those in the chat see the message. */
  messagePosted(posted: PostedMessage, organizationId: string): void {
    if (!posted.created) return; // a resend: everyone already has it
    const { chat, message } = posted;
    this.admin?.to(rooms.organization(organizationId)).to(rooms.site(chat.siteId)).emit('chat:updated', chat);
    this.admin?.to(rooms.chat(chat.id)).emit('message:created', { message });
    if (message.authorKind === 'OPERATOR' || message.authorKind === 'AI' || message.authorKind === 'SYSTEM') {
      this.widget?.to(rooms.visitor(posted.visitorId)).emit('admin:message', message);
    }
  }
}

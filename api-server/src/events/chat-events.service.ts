import type { ReadEventPayload } from '@chatiq/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../common/auth-user.js';
import type { Site } from '../generated/prisma/client.js';
import type { ChatChange } from './chat-change.js';
import type { PostedMessage } from './posted-message.js';

/**
 * Who stored a message, with what its listeners need to know about them. A private note is
 * `posted.message.internal`; a resend is never an event (it was one when first stored).
 */
export type MessageAuthor =
  /** `chatStarted`: the message opened a new chat; `locale`: the widget's language, if known. */
  | { kind: 'VISITOR'; site: Site; chatStarted: boolean; locale: string | null }
  | { kind: 'OPERATOR'; user: AuthUser }
  | { kind: 'AI' }
  | { kind: 'SYSTEM' };

/**
 * A message was committed (not a resend), whatever stored it: a socket, a REST upload, the AI,
 * an auto-reply, a system note. `senderSocketId`: the socket that sent it, which has it from its
 * acknowledgement (fan-out does not echo it there).
 */
export type MessageStoredEvent = { posted: PostedMessage; author: MessageAuthor; senderSocketId?: string };

/**
 * What happens in conversations that other domains react to (fan-out to sockets, the AI assistant
 * answers a visitor, automation sends a welcome or an auto-reply, follow-ups are scheduled). The
 * chats domain emits `messageStored` itself once a message is committed, so every route that
 * stores one causes the same side effects; it knows nothing of who listens.
 */
export type ChatEventMap = {
  /** A visitor's socket joined (each tab, each reconnect): greet it, tell it the business status. */
  widgetJoined: { site: Site; visitorId: string; socketId: string; chatId: string | null; locale: string | null };
  /** A message was stored (see MessageStoredEvent). */
  messageStored: MessageStoredEvent;
  /**
   * `user` assigned the chat to `operatorId` (null: unassigned). Awaited before the assignment is
   * acknowledged (an assignment to someone stops the AI first).
   */
  chatAssigned: { user: AuthUser; chatId: string; operatorId: string | null };
  /**
   * A chat changed (an operator's assignment, status or read position; the AI's state; an
   * auto-reply's status or assignment; a follow-up mark; the visitor's page or profile): its new
   * summary. The one way a chat's summary reaches the inbox outside a new message.
   */
  chatChanged: { change: ChatChange };
  /**
   * A visitor told who they are (`visitor:identify`, a transcript's email), already stored on the
   * visitor: `verifiedUserId` only from a verified `chtq.setUser` (its `attributes` count only
   * then). Awaited before the identify is acknowledged (contacts resolve the person first).
   */
  visitorIdentified: {
    site: Site;
    visitorId: string;
    verifiedUserId: string | null;
    name: string | null;
    email: string | null;
    attributes: Record<string, string | number | boolean | null> | null;
  };
  /** The visitor or the operators read up to `receipt.seq` (the position moved forward). */
  messagesRead: { visitorId: string; receipt: ReadEventPayload };
};

export type ChatEventName = keyof ChatEventMap;
type Listener<E extends ChatEventName> = (event: ChatEventMap[E]) => Promise<void> | void;

/**
 * Listeners run one after another in ascending `order` (the AI decides whether it answers before
 * automation decides whether an auto-reply is still needed). A listener that throws is logged and
 * does not stop the others, nor reach the client whose action caused the event.
 */
@Injectable()
export class ChatEventsService {
  private readonly logger = new Logger(ChatEventsService.name);
  private readonly listeners = new Map<ChatEventName, { order: number; listener: Listener<ChatEventName> }[]>();

  on<E extends ChatEventName>(name: E, listener: Listener<E>, order = 0): void {
    const list = this.listeners.get(name) ?? [];
    list.push({ order, listener: listener as Listener<ChatEventName> });
    list.sort((a, b) => a.order - b.order);
    this.listeners.set(name, list);
  }

  /**
   * A stored message's event, unless it is a resend. Listeners that do not wait (fan-out) have
   * run when this returns; the others go on without holding up the caller (its acknowledgement).
   */
  messageStored(event: MessageStoredEvent): void {
    if (event.posted.created) void this.emit('messageStored', event);
  }

  /** A chat's change (fan-out has sent it when this returns). */
  chatChanged(change: ChatChange): void {
    void this.emit('chatChanged', { change });
  }

  /** Runs every listener of `name`; resolves when all have (never rejects). */
  async emit<E extends ChatEventName>(name: E, event: ChatEventMap[E]): Promise<void> {
    for (const { listener } of this.listeners.get(name) ?? []) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'chat event listener failed');
      }
    }
  }
}

/**
 * Listener order: fan-out first (the message reaches everyone before anything reacts to it), then
 * the chats domain's own reaction (a visitor's message wakes a snoozed chat), then webhooks (they start queueing without waiting, so an AI answer that takes seconds does not hold
 * the event up), then the AI (it claims a chat before automation looks at it), then automation,
 * then contacts (linking a visitor to a person reacts to what the others did not need).
 */
export const LISTENER_ORDER = { fanout: 0, chats: 2, webhooks: 5, ai: 10, automation: 20, presence: 25, contacts: 30 } as const;

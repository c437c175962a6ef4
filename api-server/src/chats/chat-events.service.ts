import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { Site } from '../generated/prisma/client.js';
import type { PostedMessage } from './posted-message.js';

/**
 * What happens in conversations that other domains react to (the AI assistant answers a visitor,
 * automation sends a welcome or an auto-reply, follow-ups are scheduled). The gateways report
 * here after their own work is done; the chats domain knows nothing of who listens.
 */
export type ChatEventMap = {
  /** A visitor's socket joined (each tab, each reconnect): greet it, tell it the business status. */
  widgetJoined: { site: Site; visitorId: string; socketId: string; chatId: string | null; locale: string | null };
  /** A visitor's message was stored (not a resend). `chatStarted`: it opened a new chat. */
  visitorMessage: { site: Site; posted: PostedMessage; chatStarted: boolean; locale: string | null };
  /** An operator opened a chat with `admin:join`; `tookOver`: it was unassigned and is now theirs. */
  operatorJoined: { user: AuthUser; chatId: string; tookOver: boolean };
  /** An operator's reply to the visitor was stored (not a note, not a resend). */
  operatorMessage: { user: AuthUser; posted: PostedMessage };
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

/** Listener order: the AI claims a chat before automation looks at it. */
export const LISTENER_ORDER = { ai: 10, automation: 20 } as const;

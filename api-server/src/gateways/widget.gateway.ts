import { WIDGET_NAMESPACE, widgetClientEventSchemas, widgetHandshakeSchema } from '@chatiq/contracts';
import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { VisitorTranscriptService } from '../automation/visitor-transcript.service.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import { ChatsService } from '../chats/chats.service.js';
import { VisitorChatsService, type VisitorRef } from '../chats/visitor-chats.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Site } from '../generated/prisma/client.js';
import { IdentityVerificationService } from '../sites/identity-verification.service.js';
import { SitesService } from '../sites/sites.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { RealtimeFanoutService, type WidgetNamespace } from '../realtime/realtime-fanout.service.js';
import { rooms } from '../realtime/rooms.js';
import { LivePresenceService, type Presence } from '../realtime/live-presence.service.js';
import { parseHandshake } from './parse-handshake.js';
import { toHandshakeError } from './socket-errors.js';
import { SocketRateLimit } from './socket-rate-limit.js';

type WidgetSocketData = { site: Site; visitor?: VisitorRef; presence?: Presence };

/** The visitor's side: the embeddable widget talks to `/widget`. */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE, cors: { origin: true } })
export class WidgetGateway implements OnGatewayInit<WidgetNamespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(WidgetGateway.name);
  private readonly rateLimit: SocketRateLimit;

  constructor(
    private readonly sites: SitesService,
    private readonly visitors: VisitorChatsService,
    private readonly chats: ChatsService,
    private readonly fanout: RealtimeFanoutService,
    private readonly presence: LivePresenceService,
    private readonly events: ChatEventsService,
    private readonly transcripts: VisitorTranscriptService,
    private readonly identity: IdentityVerificationService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rateLimit = new SocketRateLimit(config.socket);
  }

  afterInit(ns: WidgetNamespace): void {
    this.fanout.attachWidget(ns);
    this.presence.attach(ns);
    ns.use(async (socket, next) => {
      try {
        const handshake = parseHandshake(widgetHandshakeSchema, socket);
        const site = await this.sites.findForWidget(handshake.siteId, socket.handshake.headers.origin);
        (socket.data as WidgetSocketData).site = site;
        next();
      } catch (error) {
        next(toHandshakeError(error));
      }
    });
  }

  handleConnection(socket: Socket): void {
    const data = socket.data as WidgetSocketData;
    const visitor = (): VisitorRef => {
      if (!data.visitor) throw new AppError('validation_failed', 'Send visitor:join first');
      return data.visitor;
    };
    const visitorId = () => visitor().id;
    const chatChanged = async (chatId: string | null) => {
      if (chatId) this.fanout.chatChanged(await this.chats.changeOf(chatId));
    };
    bindEventHandlers(
      socket,
      widgetClientEventSchemas,
      {
        'visitor:join': async (payload) => {
          const who = await this.visitors.resolveVisitor(data.site, payload, socket.handshake.headers['user-agent']);
          if (data.visitor && data.visitor.id !== who.id) await socket.leave(rooms.visitor(data.visitor.id));
          // Subscribe first, then read the history: a message stored in between arrives live
          // (clients merge by id), never in neither.
          await socket.join(rooms.visitor(who.id));
          const result = await this.visitors.history(data.site, who.id, payload.afterSeq);
          data.visitor = { ...who, chatId: result.chatId };
          data.presence = {
            visitorId: who.id,
            siteId: data.site.id,
            connectedAt: data.presence?.connectedAt ?? new Date().toISOString(),
            page: { url: payload.page?.url ?? null, title: payload.page?.title ?? null },
            locale: payload.locale ?? null,
            chatId: result.chatId,
          };
          await socket.join(rooms.siteVisitors(data.site.id));
          void this.events.emit('widgetJoined', {
            site: data.site,
            visitorId: who.id,
            socketId: socket.id,
            chatId: result.chatId,
            locale: payload.locale ?? null,
          });
          return result;
        },
        'visitor:message': async (payload) => {
          const locale = data.presence?.locale ?? null;
          const posted = await this.visitors.postMessage(data.site, visitor(), payload, { socketId: socket.id, locale });
          visitor().chatId = posted.message.chatId;
          if (data.presence) data.presence.chatId = posted.message.chatId;
          return { message: posted.message };
        },
        'visitor:typing': async ({ typing }) => {
          // Typing is frequent and ephemeral: the chat the socket knows is good enough, no query.
          const { chatId } = visitor();
          if (chatId) this.fanout.visitorTyping({ chatId, typing, name: null });
          return {};
        },
        'visitor:read': async ({ seq }) => {
          await this.visitors.markRead(data.site, visitorId(), seq);
          return {};
        },
        'visitor:page': async (page) => {
          if (data.presence) data.presence.page = { url: page.url, title: page.title ?? null };
          await chatChanged(await this.visitors.updatePage(data.site, visitorId(), page));
          return {};
        },
        'visitor:identify': async (who) => {
          const id = visitorId();
          // A user id counts only with its hash; a wrong one stores nothing (identity_invalid).
          const verifiedUserId = who.userId !== undefined ? await this.identity.verify(data.site.id, who.userId, who.userHash ?? '') : null;
          if (who.name) visitor().name = who.name;
          await chatChanged(await this.visitors.identify(data.site, id, who, verifiedUserId));
          return { verified: verifiedUserId !== null };
        },
        'visitor:transcript': async (request) => {
          const sent = await this.transcripts.send(data.site, visitorId(), request);
          if (sent.emailChanged) await chatChanged(sent.chatId);
          return {};
        },
      },
      { logger: this.logger, rateLimit: this.rateLimit },
    );
  }
}

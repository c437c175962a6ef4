import { type ParsedPayloadOf, WIDGET_NAMESPACE, widgetClientEvents, widgetHandshakeSchema } from '@chatiq/contracts';
import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { VisitorTranscriptService } from '../automation/visitor-transcript.service.js';
import { VisitorChatsService, type VisitorRef } from '../chats/visitor-chats.service.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { ChatEventsService } from '../events/chat-events.service.js';
import type { Site } from '../generated/prisma/client.js';
import { LivePresenceService, type Presence } from '../realtime/live-presence.service.js';
import { RealtimeFanoutService, type WidgetNamespace } from '../realtime/realtime-fanout.service.js';
import { rooms } from '../realtime/rooms.js';
import { IdentityVerificationService } from '../sites/identity-verification.service.js';
import { SitesService } from '../sites/sites.service.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { parseHandshake } from './parse-handshake.js';
import { toHandshakeError } from './socket-errors.js';
import { SocketRateLimit } from './socket-rate-limit.js';

type WidgetSocketData = { site: Site; visitor?: VisitorRef; presence?: Presence };
const dataOf = (socket: Socket) => socket.data as WidgetSocketData;

/** The visitor this socket joined as (`visitor:join` comes first). */
function joinedVisitor(socket: Socket): VisitorRef {
  const { visitor } = dataOf(socket);
  if (!visitor) throw new AppError('validation_failed', 'Send visitor:join first');
  return visitor;
}

/** A client event's payload, as the contract's schema parsed it. */
type Payload<E extends keyof typeof widgetClientEvents> = ParsedPayloadOf<(typeof widgetClientEvents)[E]>;

/** The visitor's side: the embeddable widget talks to `/widget`. */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE, cors: { origin: true } })
export class WidgetGateway implements OnGatewayInit<WidgetNamespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(WidgetGateway.name);
  private readonly rateLimit: SocketRateLimit;

  constructor(
    private readonly sites: SitesService,
    private readonly visitors: VisitorChatsService,
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
    // Each client event and the method that handles it (validation and the ack are bindEventHandlers').
    bindEventHandlers(
      socket,
      widgetClientEvents,
      {
        'visitor:join': (payload) => this.onVisitorJoin(socket, payload),
        'visitor:message': (payload) => this.onVisitorMessage(socket, payload),
        'visitor:typing': (payload) => this.onVisitorTyping(socket, payload),
        'visitor:read': (payload) => this.onVisitorRead(socket, payload),
        'visitor:page': (payload) => this.onVisitorPage(socket, payload),
        'visitor:identify': (payload) => this.onVisitorIdentify(socket, payload),
        'visitor:transcript': (payload) => this.onVisitorTranscript(socket, payload),
        'visitor:history': () => this.onVisitorHistory(socket),
        'visitor:conversation': (payload) => this.onVisitorConversation(socket, payload),
      },
      { logger: this.logger, rateLimit: this.rateLimit },
    );
  }

  async onVisitorJoin(socket: Socket, payload: Payload<'visitor:join'>) {
    const data = dataOf(socket);
    const { emailKnown, ...who } = await this.visitors.resolveVisitor(data.site, payload, socket.handshake.headers['user-agent']);
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
    // Whether the visitor left an email before: the widget then does not ask for it outside hours.
    return { ...result, emailKnown };
  }

  async onVisitorMessage(socket: Socket, payload: Payload<'visitor:message'>) {
    const data = dataOf(socket);
    const locale = data.presence?.locale ?? null;
    const posted = await this.visitors.postMessage(data.site, joinedVisitor(socket), payload, { socketId: socket.id, locale });
    joinedVisitor(socket).chatId = posted.message.chatId;
    if (data.presence) data.presence.chatId = posted.message.chatId;
    return { message: posted.message };
  }

  async onVisitorTyping(socket: Socket, { typing }: Payload<'visitor:typing'>) {
    // Typing is frequent and ephemeral: the chat the socket knows is good enough, no query.
    const { chatId } = joinedVisitor(socket);
    if (chatId) this.fanout.visitorTyping({ chatId, typing, name: null });
    return {};
  }

  async onVisitorRead(socket: Socket, { seq }: Payload<'visitor:read'>) {
    await this.visitors.markRead(dataOf(socket).site, joinedVisitor(socket).id, seq);
    return {};
  }

  async onVisitorPage(socket: Socket, page: Payload<'visitor:page'>) {
    const data = dataOf(socket);
    const visitorId = joinedVisitor(socket).id;
    if (data.presence) data.presence.page = { url: page.url, title: page.title ?? null };
    await this.visitors.updatePage(data.site, visitorId, page);
    return {};
  }

  async onVisitorIdentify(socket: Socket, who: Payload<'visitor:identify'>) {
    const data = dataOf(socket);
    const visitorId = joinedVisitor(socket).id;
    // A user id counts only with its hash; a wrong one stores nothing (identity_invalid).
    const verifiedUserId = who.userId !== undefined ? await this.identity.verify(data.site.id, who.userId, who.userHash ?? '') : null;
    if (who.name) joinedVisitor(socket).name = who.name;
    await this.visitors.identify(data.site, visitorId, who, verifiedUserId);
    return { verified: verifiedUserId !== null };
  }

  async onVisitorTranscript(socket: Socket, request: Payload<'visitor:transcript'>) {
    await this.transcripts.send(dataOf(socket).site, joinedVisitor(socket).id, request);
    return {};
  }

  async onVisitorHistory(socket: Socket) {
    return this.visitors.pastChats(dataOf(socket).site, joinedVisitor(socket).id);
  }

  async onVisitorConversation(socket: Socket, payload: Payload<'visitor:conversation'>) {
    return this.visitors.chatMessages(dataOf(socket).site, joinedVisitor(socket).id, payload);
  }
}

import { ADMIN_NAMESPACE, adminClientEvents, adminHandshakeSchema, type ParsedPayloadOf } from '@chatiq/contracts';
import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AiChatStateService } from '../ai/ai-chat-state.service.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { type ChatAccess, ChatsService } from '../chats/chats.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { LivePresenceService } from '../realtime/live-presence.service.js';
import { type AdminNamespace, RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { rooms } from '../realtime/rooms.js';
import { SitesService } from '../sites/sites.service.js';
import { TeamPresenceService } from '../team/team-presence.service.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { parseHandshake } from './parse-handshake.js';
import { toHandshakeError } from './socket-errors.js';
import { SocketRateLimit } from './socket-rate-limit.js';

/** `chats`: the chats this socket opened with admin:join, as checked then; `siteIds`: the sites it answers (team presence). */
type AdminSocketData = { user: AuthUser; chats: Map<string, ChatAccess>; siteIds: string[] };
const dataOf = (socket: Socket) => socket.data as AdminSocketData;

/** A client event's payload, as the contract's schema parsed it. */
type Payload<E extends keyof typeof adminClientEvents> = ParsedPayloadOf<(typeof adminClientEvents)[E]>;

/** The operator's side: the admin panel talks to `/admin` with its access token. */
@WebSocketGateway({ namespace: ADMIN_NAMESPACE })
export class AdminGateway implements OnGatewayInit<AdminNamespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(AdminGateway.name);
  private readonly rateLimit: SocketRateLimit;

  constructor(
    private readonly auth: AuthService,
    private readonly chats: ChatsService,
    private readonly sites: SitesService,
    private readonly fanout: RealtimeFanoutService,
    private readonly sessions: SessionsService,
    private readonly ai: AiChatStateService,
    private readonly presence: LivePresenceService,
    private readonly teamPresence: TeamPresenceService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rateLimit = new SocketRateLimit(config.socket);
  }

  afterInit(ns: AdminNamespace): void {
    this.fanout.attachAdmin(ns);
    this.presence.attachAdmin(ns); // which sites have someone to answer (team:presence)
    this.sessions.attachAdminNamespace(ns); // logout / password change disconnects the user's sockets
    ns.use(async (socket, next) => {
      try {
        const handshake = parseHandshake(adminHandshakeSchema, socket);
        (socket.data as AdminSocketData).user = await this.auth.verifyToken(handshake.token);
        next();
      } catch (error) {
        next(toHandshakeError(error));
      }
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const data = dataOf(socket);
    data.chats = new Map();
    // Each client event and the method that handles it (validation and the ack are bindEventHandlers').
    bindEventHandlers(
      socket,
      adminClientEvents,
      {
        'admin:join': (payload) => this.onAdminJoin(socket, payload),
        'admin:leave': (payload) => this.onAdminLeave(socket, payload),
        'admin:message': (payload) => this.onAdminMessage(socket, payload),
        'admin:note': (payload) => this.onAdminNote(socket, payload),
        'admin:typing': (payload) => this.onAdminTyping(socket, payload),
        'admin:read': (payload) => this.onAdminRead(socket, payload),
        'chat:assign': (payload) => this.onChatAssign(socket, payload),
        'chat:resolve': (payload) => this.onChatResolve(socket, payload),
        'visitor:invite': (payload) => this.onVisitorInvite(socket, payload),
        'chat:reopen': (payload) => this.onChatReopen(socket, payload),
        'chat:snooze': (payload) => this.onChatSnooze(socket, payload),
        'chat:handback': (payload) => this.onChatHandback(socket, payload),
      },
      { logger: this.logger, rateLimit: this.rateLimit },
    );
    data.siteIds = await this.sites.visibleSiteIds(data.user);
    await socket.join(data.user.role === 'OPERATOR' ? data.siteIds.map(rooms.site) : [rooms.organization(data.user.organizationId)]);
    await this.sessions.track(socket, data.user); // rooms user:<id> and session:<sid>
    // Whoever may see a site may answer it: its visitors see the team online, and away again once
    // the last such socket is gone (the disconnect has left its rooms by then).
    socket.on('disconnect', () => void this.teamPresence.adminDisconnected(data.user, data.siteIds));
    if (socket.connected) this.teamPresence.adminConnected(data.siteIds);
  }

  async onAdminJoin(socket: Socket, payload: Payload<'admin:join'>) {
    const data = dataOf(socket);
    const { access, ...result } = await this.chats.join(data.user, payload, async (chatId) => socket.join(rooms.chat(chatId)));
    data.chats.set(access.id, access);
    return result;
  }

  async onAdminLeave(socket: Socket, { chatId }: Payload<'admin:leave'>) {
    const data = dataOf(socket);
    await this.chats.assertCanSee(data.user, chatId);
    await socket.leave(rooms.chat(chatId));
    data.chats.delete(chatId);
    return {};
  }

  async onAdminMessage(socket: Socket, payload: Payload<'admin:message'>) {
    const data = dataOf(socket);
    const access = data.chats.get(payload.chatId);
    const { message } = await this.chats.post(data.user, payload, false, { access, socketId: socket.id });
    return { message };
  }

  async onAdminNote(socket: Socket, payload: Payload<'admin:note'>) {
    const data = dataOf(socket);
    const access = data.chats.get(payload.chatId);
    const { message } = await this.chats.post(data.user, payload, true, { access, socketId: socket.id });
    return { message };
  }

  async onAdminTyping(socket: Socket, { chatId, typing }: Payload<'admin:typing'>) {
    const { user } = dataOf(socket);
    const chat = await this.chats.assertCanSee(user, chatId);
    this.fanout.operatorTyping(chat.visitorId, { chatId, typing, name: user.name });
    return {};
  }

  async onAdminRead(socket: Socket, { chatId, seq }: Payload<'admin:read'>) {
    return { chat: await this.chats.markRead(dataOf(socket).user, chatId, seq) };
  }

  async onChatAssign(socket: Socket, { chatId, operatorId }: Payload<'chat:assign'>) {
    return { chat: await this.chats.assign(dataOf(socket).user, chatId, operatorId) };
  }

  async onChatResolve(socket: Socket, { chatId }: Payload<'chat:resolve'>) {
    return { chat: await this.chats.setStatus(dataOf(socket).user, chatId, 'RESOLVED') };
  }

  async onVisitorInvite(socket: Socket, payload: Payload<'visitor:invite'>) {
    const { message } = await this.chats.invite(dataOf(socket).user, payload);
    return { message };
  }

  async onChatReopen(socket: Socket, { chatId }: Payload<'chat:reopen'>) {
    return { chat: await this.chats.setStatus(dataOf(socket).user, chatId, 'OPEN') };
  }

  async onChatSnooze(socket: Socket, { chatId, until }: Payload<'chat:snooze'>) {
    return { chat: await this.chats.snooze(dataOf(socket).user, chatId, until) };
  }

  /** Back to the AI assistant (the fan-out of the transition is the service's). */
  async onChatHandback(socket: Socket, { chatId }: Payload<'chat:handback'>) {
    return { chat: await this.ai.handBack(dataOf(socket).user, chatId) };
  }
}

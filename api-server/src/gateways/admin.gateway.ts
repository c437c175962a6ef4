import { ADMIN_NAMESPACE, adminClientEventSchemas, adminHandshakeSchema } from '@chatiq/contracts';
import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AiChatStateService } from '../ai/ai-chat-state.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { type ChatAccess, ChatsService } from '../chats/chats.service.js';
import { SitesService } from '../sites/sites.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { type AdminNamespace, RealtimeFanoutService } from '../realtime/realtime-fanout.service.js';
import { rooms } from '../realtime/rooms.js';
import { parseHandshake } from './parse-handshake.js';
import { toHandshakeError } from './socket-errors.js';
import { SocketRateLimit } from './socket-rate-limit.js';

/** `chats`: the chats this socket opened with admin:join, as checked then. */
type AdminSocketData = { user: AuthUser; chats: Map<string, ChatAccess> };

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
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rateLimit = new SocketRateLimit(config.socket);
  }

  afterInit(ns: AdminNamespace): void {
    this.fanout.attachAdmin(ns);
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
    const data = socket.data as AdminSocketData;
    const { user } = data;
    data.chats = new Map();
    bindEventHandlers(
      socket,
      adminClientEventSchemas,
      {
        'admin:join': async (payload) => {
          const { access, ...result } = await this.chats.join(user, payload, async (chatId) => socket.join(rooms.chat(chatId)));
          data.chats.set(access.id, access);
          return result;
        },
        'admin:leave': async ({ chatId }) => {
          await this.chats.assertCanSee(user, chatId);
          await socket.leave(rooms.chat(chatId));
          data.chats.delete(chatId);
          return {};
        },
        'admin:message': async (payload) => {
          const access = data.chats.get(payload.chatId);
          const { message } = await this.chats.post(user, payload, false, { access, socketId: socket.id });
          return { message };
        },
        'admin:note': async (payload) => {
          const access = data.chats.get(payload.chatId);
          const { message } = await this.chats.post(user, payload, true, { access, socketId: socket.id });
          return { message };
        },
        'admin:typing': async ({ chatId, typing }) => {
          const chat = await this.chats.assertCanSee(user, chatId);
          this.fanout.operatorTyping(chat.visitorId, { chatId, typing, name: user.name });
          return {};
        },
        'admin:read': async ({ chatId, seq }) => {
          return { chat: await this.chats.markRead(user, chatId, seq) };
        },
        'chat:assign': async ({ chatId, operatorId }) => {
          return { chat: await this.chats.assign(user, chatId, operatorId) };
        },
        'chat:resolve': async ({ chatId }) => {
          return { chat: await this.chats.setStatus(user, chatId, 'RESOLVED') };
        },
        'visitor:invite': async (payload) => {
          const { message } = await this.chats.invite(user, payload);
          return { message };
        },
        'chat:reopen': async ({ chatId }) => {
          return { chat: await this.chats.setStatus(user, chatId, 'OPEN') };
        },
        // Back to the AI assistant (fan-out of the transition is the service's).
        'chat:handback': async ({ chatId }) => ({ chat: await this.ai.handBack(user, chatId) }),
      },
      { logger: this.logger, rateLimit: this.rateLimit },
    );
    await socket.join(await this.roomsFor(user));
    await this.sessions.track(socket, user); // rooms user:<id> and session:<sid>
  }

  private async roomsFor(user: AuthUser): Promise<string[]> {
    if (user.role !== 'OPERATOR') return [rooms.organization(user.organizationId)];
    return (await this.sites.visibleSiteIds(user)).map(rooms.site);
  }
}

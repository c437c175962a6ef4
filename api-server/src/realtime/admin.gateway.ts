import { ADMIN_NAMESPACE, adminClientEventSchemas, adminHandshakeSchema, isCompatibleContract } from '@chatiq/contracts';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { ChatsService } from '../chats/chats.service.js';
import { AppError } from '../common/errors/app-error.js';
import { parseInput } from '../common/validation/parse-input.js';
import { SitesService } from '../sites/sites.service.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { type AdminNamespace, RealtimeFanoutService } from './realtime-fanout.service.js';
import { rooms } from './rooms.js';
import { toHandshakeError } from './socket-errors.js';

type AdminSocketData = { user: AuthUser };

/** The operator's side: the admin panel talks to `/admin` with its access token. */
@WebSocketGateway({ namespace: ADMIN_NAMESPACE })
export class AdminGateway implements OnGatewayInit<AdminNamespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(AdminGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly chats: ChatsService,
    private readonly sites: SitesService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  afterInit(ns: AdminNamespace): void {
    this.fanout.attachAdmin(ns);
    ns.use(async (socket, next) => {
      try {
        const handshake = parseInput(adminHandshakeSchema, socket.handshake.auth);
        if (handshake.contractVersion && !isCompatibleContract(handshake.contractVersion)) {
          throw new AppError('contract_version_unsupported', `Contract ${handshake.contractVersion} is not supported`);
        }
        (socket.data as AdminSocketData).user = await this.auth.verifyToken(handshake.token);
        next();
      } catch (error) {
        next(toHandshakeError(error));
      }
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as AdminSocketData;
    bindEventHandlers(
      socket,
      adminClientEventSchemas,
      {
        'admin:join': async (payload) => {
          const result = await this.chats.joinOperator(user, payload);
          await socket.join(rooms.chat(result.chat.id));
          return result;
        },
        'admin:message': async (payload) => {
          const posted = await this.chats.postOperatorMessage(user, payload);
          this.fanout.messagePosted(posted, user.organizationId);
          return { message: posted.message };
        },
      },
      this.logger,
    );
    await socket.join(await this.roomsFor(user));
  }

  private async roomsFor(user: AuthUser): Promise<string[]> {
    if (user.role !== 'OPERATOR') return [rooms.organization(user.organizationId)];
    return (await this.sites.visibleSiteIds(user)).map(rooms.site);
  }
}

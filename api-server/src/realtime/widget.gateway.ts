import { isCompatibleContract, WIDGET_NAMESPACE, widgetClientEventSchemas, widgetHandshakeSchema } from '@chatiq/contracts';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { ChatsService } from '../chats/chats.service.js';
import { AppError } from '../common/errors/app-error.js';
import { parseInput } from '../common/validation/parse-input.js';
import type { Site } from '../generated/prisma/client.js';
import { SitesService } from '../sites/sites.service.js';
import { bindEventHandlers } from './bind-event-handlers.js';
import { RealtimeFanoutService, type WidgetNamespace } from './realtime-fanout.service.js';
import { rooms } from './rooms.js';
import { toHandshakeError } from './socket-errors.js';

type WidgetSocketData = { site: Site; visitorId?: string };

/** The visitor's side: the embeddable widget talks to `/widget`. */
@WebSocketGateway({ namespace: WIDGET_NAMESPACE, cors: { origin: true } })
export class WidgetGateway implements OnGatewayInit<WidgetNamespace>, OnGatewayConnection<Socket> {
  private readonly logger = new Logger(WidgetGateway.name);

  constructor(
    private readonly sites: SitesService,
    private readonly chats: ChatsService,
    private readonly fanout: RealtimeFanoutService,
  ) {}

  afterInit(ns: WidgetNamespace): void {
    this.fanout.attachWidget(ns);
    ns.use(async (socket, next) => {
      try {
        const handshake = parseInput(widgetHandshakeSchema, socket.handshake.auth);
        if (handshake.contractVersion && !isCompatibleContract(handshake.contractVersion)) {
          throw new AppError('contract_version_unsupported', `Contract ${handshake.contractVersion} is not supported`);
        }
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
    bindEventHandlers(
      socket,
      widgetClientEventSchemas,
      {
        'visitor:join': async (payload) => {
          const result = await this.chats.joinVisitor(data.site, payload, socket.handshake.headers['user-agent']);
          if (data.visitorId && data.visitorId !== result.visitorId) await socket.leave(rooms.visitor(data.visitorId));
          data.visitorId = result.visitorId;
          await socket.join(rooms.visitor(result.visitorId));
          return result;
        },
        'visitor:message': async (payload) => {
          if (!data.visitorId) throw new AppError('validation_failed', 'Send visitor:join before visitor:message');
          const posted = await this.chats.postVisitorMessage(data.site, data.visitorId, payload);
          this.fanout.messagePosted(posted, data.site.organizationId);
          return { message: posted.message };
        },
      },
      this.logger,
    );
  }
}

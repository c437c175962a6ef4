import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { AccessTokenClaims, AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** Admin-socket rooms that let a revocation reach a user's sockets on every API node. */
export const sessionRooms = {
  /** Every admin socket of a user. */
  user: (userId: string) => `user:${userId}`,
  /** The admin sockets opened with one session's tokens. */
  session: (sessionId: string) => `session:${sessionId}`,
};

/**
 * Sign-in sessions. Each access token names its session (`sid`) and is accepted only while the
 * session's row exists, so deleting the row revokes the token at once (REST and socket handshake
 * check it on every use). Revoking also disconnects the admin sockets opened with it, through
 * per-user and per-session rooms (with the Redis adapter, on every node).
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private admin?: Namespace;

  constructor(private readonly prisma: PrismaService) {}

  /** Called by the admin gateway once its namespace exists. */
  attachAdminNamespace(ns: Namespace): void {
    this.admin = ns;
  }

  /** Starts a session for a user who just proved who they are; sweeps their expired ones. */
  async start(user: { id: string; organizationId: string }, lifetimeSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    const now = new Date();
    await this.prisma.session.deleteMany({ where: { userId: user.id, expiresAt: { lte: now } } });
    return this.prisma.session.create({
      data: { userId: user.id, organizationId: user.organizationId, expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000) },
      select: { id: true, expiresAt: true },
    });
  }

  /** Resolves verified token claims to an active user with a live session, or refuses. */
  async resolve(claims: AccessTokenClaims): Promise<AuthUser> {
    const session =
      typeof claims.sid === 'string' ? await this.prisma.session.findUnique({ where: { id: claims.sid }, include: { user: true } }) : null;
    const user = session?.user;
    if (
      !session ||
      !user ||
      session.userId !== claims.sub ||
      session.expiresAt <= new Date() ||
      !user.active ||
      user.organizationId !== claims.org
    ) {
      throw new AppError('unauthorized', 'This access token is no longer valid');
    }
    return {
      id: user.id,
      organizationId: user.organizationId,
      role: user.role,
      email: user.email,
      name: user.name,
      avatarKey: user.avatarKey,
      sessionId: session.id,
    };
  }

  /** Ends one session: its tokens are refused from now on and its admin sockets disconnected. */
  async revoke(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
    this.disconnect(sessionRooms.session(sessionId));
  }

  /** Ends every session of a user, or every one but `exceptSessionId` (the one changing the password). */
  async revokeAll(userId: string, exceptSessionId?: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
    this.disconnect(sessionRooms.user(userId), exceptSessionId ? sessionRooms.session(exceptSessionId) : undefined);
  }

  /**
   * The user's role or sites changed: their admin sockets, which were authorized and put in rooms
   * for the old ones, are closed with `permissions_changed`; the admin panel reconnects with the
   * same token and gets the new view. Their sessions stay open.
   */
  permissionsChanged(userId: string): void {
    if (!this.admin) return;
    const target = this.admin.in(sessionRooms.user(userId));
    target.emit('server:error', PERMISSIONS_CHANGED);
    target.disconnectSockets();
  }

  /**
   * Puts a freshly connected admin socket in its user's and session's rooms. A revocation that
   * happened between the handshake's check and this join would have missed the socket, so the
   * session is checked once more after joining.
   */
  async track(socket: Socket, user: AuthUser): Promise<void> {
    await socket.join([sessionRooms.user(user.id), sessionRooms.session(user.sessionId)]);
    const alive = await this.prisma.session.count({ where: { id: user.sessionId } });
    if (!alive) this.endSocket(socket);
  }

  private disconnect(room: string, exceptRoom?: string): void {
    if (!this.admin) return;
    const target = exceptRoom ? this.admin.in(room).except(exceptRoom) : this.admin.in(room);
    // The client learns why (then Socket.IO reports "io server disconnect" and does not retry).
    target.emit('server:error', SIGNED_OUT);
    target.disconnectSockets();
    this.logger.debug(`disconnected admin sockets in ${room}${exceptRoom ? ` except ${exceptRoom}` : ''}`);
  }

  private endSocket(socket: Socket): void {
    socket.emit('server:error', SIGNED_OUT);
    socket.disconnect();
  }
}

const PERMISSIONS_CHANGED = { code: 'permissions_changed', message: 'Your role or sites changed: reconnect to see the new ones' } as const;
const SIGNED_OUT = { code: 'unauthorized', message: 'This session has ended (signed out or password changed)' } as const;

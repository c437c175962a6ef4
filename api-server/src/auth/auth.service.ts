import type { AuthResponse, GoogleSignInBody, LoginBody, RegisterBody, UserDto } from '@chatiq/contracts';
import { avatarPath } from '@chatiq/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcrypt';
import type { AccessTokenClaims, AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { AuthLimitsService } from './auth-limits.service.js';
import { GoogleIdentityService } from './google-identity.service.js';
import { RateLimitedError } from './rate-limited.error.js';
import { SessionsService } from './sessions.service.js';

export type UserWithOrg = {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  organizationId: string;
  /** Absent for a user just created (no picture yet). */
  avatarKey?: string | null;
  organization: { name: string };
};

@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so both paths cost one bcrypt compare. */
  private readonly dummyHash: string;
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly limits: AuthLimitsService,
    private readonly google: GoogleIdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.dummyHash = bcrypt.hashSync('chatiq-dummy-password', config.bcryptRounds);
  }

  /** Creates an organization and its OWNER, and signs them in. */
  async register(body: RegisterBody): Promise<AuthResponse> {
    const passwordHash = await bcrypt.hash(body.password, this.config.bcryptRounds);
    try {
      const user = await this.prisma.user.create({
        data: {
          email: body.email,
          name: body.name,
          passwordHash,
          role: 'OWNER',
          organization: { create: { name: body.organizationName } },
        },
        include: { organization: { select: { name: true } } },
      });
      return this.issue(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('email_taken', 'An account with this email already exists');
      throw error;
    }
  }

  /**
   * Signs in with email and password. After LOGIN_MAX_FAILURES failures for one email, logins
   * with that email are refused with 429 for LOGIN_LOCKOUT_SECONDS, the right password included —
   * whether an account has that email or not, so the lockout tells nothing about who is registered.
   * `clientIp` (req.ip: the browser's address the admin panel forwarded) only goes to the log.
   */
  async login(body: LoginBody, clientIp = 'unknown'): Promise<AuthResponse> {
    const lockedFor = await this.limits.loginLockedFor(body.email);
    if (lockedFor !== null) throw new RateLimitedError(lockedFor, 'Too many failed sign-in attempts; try again later');
    const user = await this.prisma.user.findUnique({
      where: { email: body.email },
      include: { organization: { select: { name: true } } },
    });
    const matches = await bcrypt.compare(body.password, user?.passwordHash ?? this.dummyHash);
    if (!user?.passwordHash || !matches || !user.active) {
      if (await this.limits.loginFailed(body.email)) {
        this.logger.warn(
          `sign-in lockout for ${body.email} after ${this.config.authLimits.loginMaxFailures} failures, the last from ${clientIp}`,
        );
      }
      throw new AppError('invalid_credentials', 'Email or password is incorrect');
    }
    await this.limits.loginSucceeded(body.email);
    await this.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    return this.issue(user);
  }

  /**
   * Signs in with a verified Google identity: the member linked to that Google account, else the
   * member with that (Google-verified) email, who gets linked; else a new organization and its
   * OWNER, as with register. A deactivated member stays out.
   */
  async signInWithGoogle(body: GoogleSignInBody): Promise<AuthResponse> {
    const identity = await this.google.verify(body.idToken);
    const include = { organization: { select: { name: true } } } as const;
    let user =
      (await this.prisma.user.findUnique({ where: { googleId: identity.googleId }, include })) ??
      (await this.prisma.user.findUnique({ where: { email: identity.email }, include }));
    if (user && user.googleId !== identity.googleId) {
      if (user.googleId) throw new AppError('invalid_credentials', 'This email is linked to another Google account');
      user = await this.prisma.user.update({ where: { id: user.id }, data: { googleId: identity.googleId }, include });
    }
    if (!user) {
      try {
        user = await this.prisma.user.create({
          data: {
            email: identity.email,
            googleId: identity.googleId,
            name: identity.name,
            role: 'OWNER',
            organization: { create: { name: body.organizationName ?? `${identity.name}'s organization` } },
          },
          include,
        });
      } catch (error) {
        // The same person signing in twice at once: the other request created them.
        if (!isUniqueViolation(error)) throw error;
        user = await this.prisma.user.findUniqueOrThrow({ where: { googleId: identity.googleId }, include });
      }
    }
    if (!user.active) throw new AppError('invalid_credentials', 'This account is deactivated');
    await this.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    return this.issue(user);
  }

  async me(user: AuthUser): Promise<UserDto> {
    const row = await this.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { organization: { select: { name: true } } },
    });
    return toUserDto(row);
  }

  /** Ends the caller's session only: this token stops working; their other devices stay signed in. */
  logout(user: AuthUser): Promise<void> {
    return this.sessions.revoke(user.sessionId);
  }

  /** Ends every session of the caller ("log out everywhere"), this one included. */
  logoutAll(user: AuthUser): Promise<void> {
    return this.sessions.revokeAll(user.id);
  }

  /** Resolves verified token claims to an active user whose session is still open, or refuses. */
  userForClaims(claims: AccessTokenClaims): Promise<AuthUser> {
    return this.sessions.resolve(claims);
  }

  /** Verifies a raw access token (used by the admin socket handshake). */
  async verifyToken(token: string): Promise<AuthUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new AppError('unauthorized', 'A valid access token is required');
    }
    return this.userForClaims(claims);
  }

  /** Opens a session and signs an access token for it (also used when an invitation is accepted). */
  async issue(user: UserWithOrg): Promise<AuthResponse> {
    const session = await this.sessions.start(user, this.config.jwt.expiresInSeconds);
    const claims: AccessTokenClaims = { sub: user.id, org: user.organizationId, role: user.role, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresAt: session.expiresAt.toISOString(), user: toUserDto(user) };
  }
}

function toUserDto(user: UserWithOrg): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    avatarUrl: user.avatarKey ? avatarPath(user.avatarKey) : null,
  };
}

import type { AuthResponse, LoginBody, RegisterBody, UserDto } from '@chatiq/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcrypt';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { PrismaService } from '../prisma/prisma.service.js';
import type { AccessTokenClaims, AuthUser } from './auth-user.js';

type UserWithOrg = {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  organizationId: string;
  organization: { name: string };
};

@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so both paths cost one bcrypt compare. */
  private readonly dummyHash: string;

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
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

  async login(body: LoginBody): Promise<AuthResponse> {
    const user = await this.prisma.user.findUnique({
      where: { email: body.email },
      include: { organization: { select: { name: true } } },
    });
    const matches = await bcrypt.compare(body.password, user?.passwordHash ?? this.dummyHash);
    if (!user?.passwordHash || !matches || !user.active) {
      throw new AppError('invalid_credentials', 'Email or password is incorrect');
    }
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

  /** Resolves verified token claims to an active user, or refuses. */
  async userForClaims(claims: AccessTokenClaims): Promise<AuthUser> {
    const user = await this.prisma.user.findUnique({ where: { id: claims.sub } });
    if (!user?.active || user.organizationId !== claims.org) {
      throw new AppError('unauthorized', 'This access token is no longer valid');
    }
    return { id: user.id, organizationId: user.organizationId, role: user.role, email: user.email, name: user.name };
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

  private async issue(user: UserWithOrg): Promise<AuthResponse> {
    const claims: AccessTokenClaims = { sub: user.id, org: user.organizationId, role: user.role };
    const accessToken = await this.jwt.signAsync(claims);
    const expiresAt = new Date(Date.now() + this.config.jwt.expiresInSeconds * 1000).toISOString();
    return { accessToken, expiresAt, user: toUserDto(user) };
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
  };
}

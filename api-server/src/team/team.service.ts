import { createHash, randomBytes } from 'node:crypto';
import type {
  AcceptInvitationBody,
  AuthResponse,
  ColleagueDto,
  CreatedInvitationDto,
  CreateInvitationBody,
  InvitationDto,
  MemberDto,
  Role,
  UpdateMemberBody,
} from '@chatiq/contracts';
import { avatarPath } from '@chatiq/contracts';
import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AuthService } from '../auth/auth.service.js';
import { assertCan } from '../auth/permissions.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MailService } from '../mail/mail.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { isUniqueViolation } from '../prisma/unique-violation.js';
import { visibleSitesWhere } from '../sites/site-access.js';

/** How long a mailed invitation link works. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

type Tx = Prisma.TransactionClient;

/**
 * The team of an organization: members, their roles and site assignments, and invitations by
 * mailed link. Every query is scoped by the caller's organization: another organization's member
 * or invitation is "not found". Route-level permissions are the guards' (PERMISSIONS); the rules
 * that depend on the target are here.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listMembers(caller: AuthUser): Promise<MemberDto[]> {
    const rows = await this.prisma.user.findMany({
      where: { organizationId: caller.organizationId },
      include: { siteUsers: { select: { siteId: true }, orderBy: { createdAt: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toMemberDto);
  }

  /**
   * The members who can be assigned chats of `siteId` (the same rule as `chat:assign`): active,
   * and an OWNER or ADMIN, or an OPERATOR assigned to the site. Only for a site the caller can
   * see: another organization's site, or one an operator is not assigned to, is not found.
   */
  async listColleagues(caller: AuthUser, siteId: string): Promise<ColleagueDto[]> {
    const site = await this.prisma.site.findFirst({ where: { id: siteId, ...visibleSitesWhere(caller) }, select: { id: true } });
    if (!site) throw new AppError('site_not_found', 'No such site');
    const rows = await this.prisma.user.findMany({
      where: {
        organizationId: caller.organizationId,
        active: true,
        OR: [{ role: { in: ['OWNER', 'ADMIN'] } }, { siteUsers: { some: { siteId: site.id } } }],
      },
      select: { id: true, name: true, email: true, role: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({ id: row.id, name: row.name, email: row.email, role: row.role }));
  }

  /**
   * Changes a member's role, site assignments and/or active flag. An ADMIN manages operators only
   * and cannot grant ADMIN or OWNER; the organization always keeps one active OWNER. Deactivating
   * ends every session of the member at once (their tokens are refused, their sockets disconnected);
   * a new role or new sites close their sockets with `permissions_changed`, to reconnect with them.
   */
  async updateMember(caller: AuthUser, userId: string, body: UpdateMemberBody): Promise<MemberDto> {
    const target = await this.prisma.user.findFirst({ where: { id: userId, organizationId: caller.organizationId } });
    if (!target) throw new AppError('not_found', 'No such member');
    if (target.role !== 'OPERATOR' || (body.role !== undefined && body.role !== 'OPERATOR')) {
      assertCan(caller, 'team.manageAdmins');
    }
    const stopsBeingOwner =
      target.role === 'OWNER' && ((body.role !== undefined && body.role !== 'OWNER') || (body.active === false && target.active));

    await this.prisma.$transaction(async (tx) => {
      if (stopsBeingOwner) await this.assertAnotherActiveOwner(tx, caller.organizationId, target.id);
      if (body.siteIds) {
        await this.assertSitesOfOrganization(tx, caller.organizationId, body.siteIds);
        await tx.siteUser.deleteMany({ where: { organizationId: caller.organizationId, userId: target.id } });
        await tx.siteUser.createMany({
          data: body.siteIds.map((siteId) => ({ organizationId: caller.organizationId, siteId, userId: target.id })),
        });
      }
      if (body.role !== undefined || body.active !== undefined) {
        await tx.user.update({ where: { id: target.id }, data: { role: body.role, active: body.active } });
      }
    });
    if (body.active === false) await this.sessions.revokeAll(target.id);
    else if ((body.role !== undefined && body.role !== target.role) || body.siteIds) this.sessions.permissionsChanged(target.id);

    const row = await this.prisma.user.findUniqueOrThrow({
      where: { id: target.id },
      include: { siteUsers: { select: { siteId: true }, orderBy: { createdAt: 'asc' } } },
    });
    return toMemberDto(row);
  }

  async listInvitations(caller: AuthUser): Promise<InvitationDto[]> {
    const rows = await this.prisma.invitation.findMany({
      where: { organizationId: caller.organizationId },
      orderBy: { createdAt: 'desc' },
    });
    return rows.map(toInvitationDto);
  }

  /**
   * Invites someone by email: stores the SHA-256 of a random single-use token (7 days) and mails
   * the link `${ADMIN_URL}/accept-invite?token=…`. A new invitation to the same address replaces
   * the pending one. Only an OWNER may invite an ADMIN. When the API sends no mail (no `SMTP_URL`),
   * the link is in the answer, for the inviter (and only them) to pass on.
   */
  async invite(caller: AuthUser, body: CreateInvitationBody): Promise<CreatedInvitationDto> {
    if (body.role !== 'OPERATOR') assertCan(caller, 'team.manageAdmins');
    const siteIds = body.siteIds ?? [];
    await this.assertSitesOfOrganization(this.prisma, caller.organizationId, siteIds);
    if (await this.prisma.user.count({ where: { email: body.email } })) {
      throw new AppError('email_taken', 'An account with this email already exists');
    }
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.prisma.$transaction(async (tx) => {
      await tx.invitation.deleteMany({ where: { organizationId: caller.organizationId, email: body.email } });
      return tx.invitation.create({
        data: {
          organizationId: caller.organizationId,
          email: body.email,
          role: body.role,
          siteIds,
          tokenHash: sha256(token),
          invitedById: caller.id,
          expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
        },
        include: { organization: { select: { name: true } } },
      });
    });
    const link = `${this.config.adminUrl}/accept-invite?token=${token}`;
    try {
      await this.mail.send({
        to: body.email,
        subject: `${caller.name} invited you to ${invitation.organization.name} on ChatIQ`,
        text: [
          'Hello,',
          '',
          `${caller.name} (${caller.email}) invited you to join ${invitation.organization.name} on ChatIQ as ${roleName(body.role)}.`,
          'Open this link within 7 days to choose your name and password:',
          '',
          link,
          '',
          'The link works once. If you did not expect this invitation, ignore this mail.',
        ].join('\n'),
      });
    } catch (error) {
      // An invitation nobody received is of no use: drop it and tell the inviter.
      await this.prisma.invitation.deleteMany({ where: { id: invitation.id } });
      throw error;
    }
    return this.mail.delivers ? toInvitationDto(invitation) : { ...toInvitationDto(invitation), link };
  }

  async revokeInvitation(caller: AuthUser, invitationId: string): Promise<void> {
    const { count } = await this.prisma.invitation.deleteMany({ where: { id: invitationId, organizationId: caller.organizationId } });
    if (count === 0) throw new AppError('not_found', 'No such invitation');
  }

  /**
   * Accepts an invitation (public): creates the member in the inviting organization with the
   * invited role and sites, and signs them in. The token works once and only until it expires.
   */
  async accept(body: AcceptInvitationBody): Promise<AuthResponse> {
    const tokenHash = sha256(body.token);
    const found = await this.prisma.invitation.findUnique({ where: { tokenHash }, select: { id: true } });
    if (!found) throw invalidInvitation();
    const passwordHash = await bcrypt.hash(body.password, this.config.bcryptRounds);
    let user: Awaited<ReturnType<typeof this.createInvitedUser>>;
    try {
      user = await this.prisma.$transaction((tx) => this.createInvitedUser(tx, found.id, body.name, passwordHash));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('email_taken', 'An account with this email already exists');
      throw error;
    }
    if (!user) throw invalidInvitation();
    return this.auth.issue(user);
  }

  private async createInvitedUser(tx: Tx, invitationId: string, name: string, passwordHash: string) {
    // Deleting claims the invitation: of two concurrent accepts, only one deletes the row.
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId } });
    const { count } = await tx.invitation.deleteMany({ where: { id: invitationId } });
    if (!invitation || count === 0 || invitation.expiresAt <= new Date()) return null;
    const user = await tx.user.create({
      data: { organizationId: invitation.organizationId, email: invitation.email, name, passwordHash, role: invitation.role },
      include: { organization: { select: { name: true } } },
    });
    // Sites deleted since the invitation are skipped.
    const sites = await tx.site.findMany({
      where: { organizationId: invitation.organizationId, id: { in: invitation.siteIds } },
      select: { id: true },
    });
    await tx.siteUser.createMany({
      data: sites.map((s) => ({ organizationId: invitation.organizationId, siteId: s.id, userId: user.id })),
    });
    // Other organizations' invitations to this address are of no use any more (an email has one account).
    await tx.invitation.deleteMany({ where: { email: invitation.email } });
    return user;
  }

  private async assertSitesOfOrganization(db: Tx, organizationId: string, siteIds: string[]): Promise<void> {
    if (siteIds.length === 0) return;
    const found = await db.site.count({ where: { organizationId, id: { in: siteIds } } });
    if (found !== siteIds.length) throw new AppError('site_not_found', 'One of the sites does not exist');
  }

  /** Locks the organization's OWNER rows, so two concurrent demotions cannot both pass. */
  private async assertAnotherActiveOwner(tx: Tx, organizationId: string, exceptUserId: string): Promise<void> {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "organizationId" = ${organizationId} AND "role" = 'OWNER' AND "active" FOR UPDATE`;
    if (!owners.some((o) => o.id !== exceptUserId)) {
      throw new AppError('last_owner', 'The organization must keep at least one active owner');
    }
  }
}

function invalidInvitation(): AppError {
  return new AppError('invalid_invitation', 'This invitation link is invalid, already used or expired; ask for a new one');
}

function roleName(role: Role): string {
  return role === 'ADMIN' ? 'an admin' : role === 'OWNER' ? 'an owner' : 'an operator';
}

type MemberRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  avatarKey: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  siteUsers: { siteId: string }[];
};

function toMemberDto(row: MemberRow): MemberDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    avatarUrl: row.avatarKey ? avatarPath(row.avatarKey) : null,
    active: row.active,
    siteIds: row.siteUsers.map((s) => s.siteId),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toInvitationDto(row: {
  id: string;
  email: string;
  role: Role;
  siteIds: string[];
  expiresAt: Date;
  createdAt: Date;
}): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    siteIds: row.siteIds,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

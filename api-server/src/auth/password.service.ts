import { createHash, randomBytes } from 'node:crypto';
import type { ChangePasswordBody, PasswordResetConfirmBody } from '@chatiq/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import bcrypt from 'bcrypt';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { MailService } from '../mail/mail.service.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { AuthLimitsService } from './auth-limits.service.js';
import { RateLimitedError } from './rate-limited.error.js';
import { SessionsService } from './sessions.service.js';

/** How long an emailed reset link works. */
export const RESET_TOKEN_TTL_SECONDS = 3600;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Password change (signed in) and reset by emailed link (signed out). */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);
  /** Reset requests answered but not yet finished (lookup, token, mail). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly limits: AuthLimitsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Changes the caller's password after checking the current one, and signs out their other
   * sessions (this one stays). Wrong current passwords count towards the login backoff, so a
   * stolen token cannot be used to guess the password.
   */
  async change(user: AuthUser, body: ChangePasswordBody): Promise<void> {
    const lockedFor = await this.limits.loginLockedFor(user.email);
    if (lockedFor !== null) throw new RateLimitedError(lockedFor, 'Too many failed attempts; try again later');
    const row = await this.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!row.passwordHash || !(await bcrypt.compare(body.currentPassword, row.passwordHash))) {
      await this.limits.loginFailed(user.email);
      throw new AppError('validation_failed', 'The current password is incorrect', [
        { path: ['currentPassword'], message: 'The current password is incorrect' },
      ]);
    }
    const passwordHash = await bcrypt.hash(body.newPassword, this.config.bcryptRounds);
    await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
      // A reset link mailed before the change must not undo it.
      this.prisma.passwordResetToken.deleteMany({ where: { userId: user.id } }),
    ]);
    await this.sessions.revokeAll(user.id, user.sessionId);
  }

  /**
   * Answers at once, the same whether an account has this email or not; the lookup, the token and
   * the mail happen afterwards, so not even the response time tells. Only the token's SHA-256 is
   * stored; the link in the mail carries the token itself.
   */
  requestReset(email: string): void {
    const work = this.sendResetLink(email)
      .catch((error: unknown) => {
        this.logger.error(`password reset mail failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /**
   * Resolves once every reset request answered so far has finished its work (sent its mail, or
   * decided not to): what a test waits for before asserting that no mail went out.
   */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** Sets a new password with a reset token: single use, expires, signs out every session. */
  async confirmReset(body: PasswordResetConfirmBody): Promise<void> {
    const tokenHash = sha256(body.token);
    const row = await this.prisma.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true } });
    if (!row) throw invalidToken();
    const passwordHash = await bcrypt.hash(body.password, this.config.bcryptRounds);
    const user = await this.prisma.$transaction(async (tx) => {
      // Deleting claims the token: of two concurrent uses, only one deletes the row.
      const claimed = await tx.passwordResetToken.findUnique({ where: { id: row.id }, include: { user: true } });
      const { count } = await tx.passwordResetToken.deleteMany({ where: { id: row.id } });
      if (!claimed || count === 0 || claimed.expiresAt <= new Date() || !claimed.user.active) return null;
      await tx.user.update({ where: { id: claimed.userId }, data: { passwordHash } });
      // Every other outstanding link of this user dies with it.
      await tx.passwordResetToken.deleteMany({ where: { userId: claimed.userId } });
      return claimed.user;
    });
    if (!user) throw invalidToken();
    await this.sessions.revokeAll(user.id);
    // Whoever holds the mailbox is the owner: lift a lockout an attacker may have caused.
    await this.limits.loginSucceeded(user.email);
  }

  private async sendResetLink(email: string): Promise<void> {
    if (!(await this.limits.resetMailAllowed(email))) return;
    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { id: true, organizationId: true, email: true, name: true, active: true },
    });
    if (!user?.active) return;
    if (!this.mail.linksReachSomeone) {
      // Production without SMTP: nobody would receive the link, so none is made (and none logged).
      // The answer was the same 202; the panel tells the user to ask their organization's owner.
      this.logger.warn('A password reset was asked for, but SMTP_URL is not set: no link was made');
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    // Only the newest link works: asking again kills every link mailed before. The user's row is
    // locked so that of two requests at once, the later one still leaves one link, not two.
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`;
      await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
      await tx.passwordResetToken.create({
        data: {
          userId: user.id,
          organizationId: user.organizationId,
          tokenHash: sha256(token),
          expiresAt: new Date(now + RESET_TOKEN_TTL_SECONDS * 1000),
        },
      });
    });
    const link = `${this.config.adminUrl}/reset-password?token=${token}`;
    await this.mail.send({
      to: user.email,
      subject: 'Reset your ChatIQ password',
      text: [
        `Hello ${user.name},`,
        '',
        `Someone (hopefully you) asked to reset the password of the ChatIQ account ${user.email}.`,
        'Open this link within 1 hour to choose a new password:',
        '',
        link,
        '',
        'The link works once. If you did not ask for this, ignore this mail: your password stays as it is.',
      ].join('\n'),
    });
  }
}

function invalidToken(): AppError {
  return new AppError('invalid_reset_token', 'This reset link is invalid, already used or expired; ask for a new one');
}

import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { SecretBox, SecretBoxError } from '../common/secret-box/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** A fresh identity secret: 32 random bytes, URL-safe, recognisable by its prefix. */
export function newIdentitySecret(): string {
  return `idsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Each site's identity-verification secret (the key of `chtq.setUser` hashes), sealed at rest with
 * the AI_SECRET_KEYS keyring (purpose `site-identity-secret`, the site id as authenticated data).
 *
 * A site gets its secret when it is created. Sites created before this existed (a migration
 * cannot seal in SQL), or while the server had no keyring, get it lazily: on the first reveal by
 * an admin. Until then no hash can match, so `visitor:identify` with a user id is refused.
 * Verification never writes: an anonymous visitor cannot make the server generate anything.
 */
@Injectable()
export class IdentitySecretsService {
  private readonly logger = new Logger(IdentitySecretsService.name);
  private readonly box: SecretBox | null;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    try {
      this.box = config.ai.secretKeys ? new SecretBox(config.ai.secretKeys, 'site-identity-secret') : null;
    } catch (error) {
      if (error instanceof SecretBoxError) throw new Error(`AI_SECRET_KEYS: ${error.message}`);
      throw error;
    }
  }

  /**
   * Gives a site its first secret (at creation). Without a keyring it stays without one until
   * the first reveal; failures are logged, not thrown: creating the site matters more.
   */
  async initialise(siteId: string): Promise<void> {
    if (!this.box) return;
    try {
      await this.prisma.site.updateMany({
        where: { id: siteId, identitySecretEncrypted: null },
        data: { identitySecretEncrypted: this.box.encrypt(newIdentitySecret(), siteId) },
      });
    } catch (error) {
      this.logger.warn(`site ${siteId}: identity secret not created (${(error as Error).name}); it will be on first use`);
    }
  }

  /**
   * The site's secret for its admins: created now if the site has none yet (one writer wins when
   * two reveal at once), and re-sealed with the active master key after a keyring rotation.
   */
  async reveal(siteId: string): Promise<string> {
    const box = this.required();
    const sealed = await this.sealedOf(siteId);
    if (sealed === null) {
      const created = newIdentitySecret();
      const { count } = await this.prisma.site.updateMany({
        where: { id: siteId, identitySecretEncrypted: null },
        data: { identitySecretEncrypted: box.encrypt(created, siteId) },
      });
      if (count === 1) return created;
      return this.open(box, siteId, (await this.sealedOf(siteId)) ?? '');
    }
    const secret = this.open(box, siteId, sealed);
    if (box.needsReencryption(sealed)) {
      await this.prisma.site.updateMany({
        where: { id: siteId, identitySecretEncrypted: sealed },
        data: { identitySecretEncrypted: box.encrypt(secret, siteId) },
      });
    }
    return secret;
  }

  /** Replaces the site's secret: every hash made with the old one stops matching at once. */
  async rotate(siteId: string): Promise<string> {
    const box = this.required();
    const secret = newIdentitySecret();
    await this.prisma.site.update({ where: { id: siteId }, data: { identitySecretEncrypted: box.encrypt(secret, siteId) } });
    return secret;
  }

  /**
   * The current secret for verifying a hash (read from the database every time, so a rotation
   * applies to connected widgets too), or null when the site has none or it cannot be opened.
   */
  async current(siteId: string): Promise<string | null> {
    if (!this.box) return null;
    const sealed = await this.sealedOf(siteId);
    if (sealed === null) return null;
    try {
      return this.box.decrypt(sealed, siteId);
    } catch (error) {
      const reason = error instanceof SecretBoxError ? error.code : 'unexpected';
      this.logger.warn(`site ${siteId}: identity secret cannot be opened (${reason}); identities cannot be verified until it is rotated`);
      return null;
    }
  }

  private async sealedOf(siteId: string): Promise<string | null> {
    const site = await this.prisma.site.findUnique({ where: { id: siteId }, select: { identitySecretEncrypted: true } });
    if (!site) throw new AppError('site_not_found', 'No site has this id');
    return site.identitySecretEncrypted;
  }

  private open(box: SecretBox, siteId: string, sealed: string): string {
    try {
      return box.decrypt(sealed, siteId);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      throw new AppError(
        'identity_not_configured',
        'The identity secret cannot be opened with this server’s AI_SECRET_KEYS (its master key is gone): rotate the identity secret',
      );
    }
  }

  private required(): SecretBox {
    if (!this.box) {
      throw new AppError(
        'identity_not_configured',
        'This server cannot store identity secrets: AI_SECRET_KEYS is not set (kid:<base64 of 32 random bytes>; see .env.example)',
      );
    }
    return this.box;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { SecretBox, SecretBoxError } from '../common/secret-box/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * Webhook signing secrets sealed at rest with the AI_SECRET_KEYS keyring (purpose
 * `webhook-secret`, the organization id as authenticated data: a sealed secret copied into
 * another organization's row does not open). Opened only to sign a delivery.
 */
@Injectable()
export class WebhookSecretsService {
  private readonly box: SecretBox | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    try {
      this.box = config.ai.secretKeys ? new SecretBox(config.ai.secretKeys, 'webhook-secret') : null;
    } catch (error) {
      if (error instanceof SecretBoxError) throw new Error(`AI_SECRET_KEYS: ${error.message}`);
      throw error;
    }
  }

  /** Seals a secret with the active master key; `webhooks_not_configured` without a keyring. */
  seal(secret: string, organizationId: string): string {
    if (!this.box) {
      throw new AppError(
        'webhooks_not_configured',
        'This server cannot store webhook secrets: AI_SECRET_KEYS is not set (kid:<base64 of 32 random bytes>; see .env.example)',
      );
    }
    return this.box.encrypt(secret, organizationId);
  }

  /** Opens a sealed secret; throws a `SecretBoxError` when it cannot (no keyring, master key gone, tampered). */
  open(sealed: string, organizationId: string): string {
    if (!this.box) throw new SecretBoxError('unknown_kid', 'AI_SECRET_KEYS is not set');
    return this.box.decrypt(sealed, organizationId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { SecretBox, SecretBoxError } from '../common/secret-box/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * The server's keyring (`AI_SECRET_KEYS`) that seals each site's provider key at rest. Without
 * it the server runs, but no AI key can be stored or opened. A malformed keyring stops the boot
 * with the keyring's own message (which never contains key material).
 */
@Injectable()
export class AiKeyringService {
  private readonly box: SecretBox | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    try {
      this.box = config.ai.secretKeys ? new SecretBox(config.ai.secretKeys, 'ai-api-key') : null;
    } catch (error) {
      if (error instanceof SecretBoxError) throw new Error(`AI_SECRET_KEYS: ${error.message}`);
      throw error;
    }
  }

  /** Seals a key for a site with the active master key. */
  seal(apiKey: string, siteId: string): string {
    return this.required().encrypt(apiKey, siteId);
  }

  /** Opens a site's sealed key; throws a `SecretBoxError` (or `ai_not_configured`) when it cannot. */
  open(sealed: string, siteId: string): string {
    return this.required().decrypt(sealed, siteId);
  }

  /** True when the sealed key should be sealed again with the active master key (after a rotation). */
  isStale(sealed: string): boolean {
    return this.box?.needsReencryption(sealed) ?? false;
  }

  private required(): SecretBox {
    if (!this.box) {
      throw new AppError(
        'ai_not_configured',
        'This server cannot store AI keys: AI_SECRET_KEYS is not set (kid:<base64 of 32 random bytes>; see .env.example)',
      );
    }
    return this.box;
  }
}

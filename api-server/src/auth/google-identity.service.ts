import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** Google's two spellings of its issuer (https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken). */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

export type GoogleIdentity = { googleId: string; email: string; name: string };

/**
 * Verifies a Google ID token: signature against Google's published keys (fetched and cached by
 * jose), issuer, audience (our client id), expiry, and a verified email.
 */
@Injectable()
export class GoogleIdentityService {
  private readonly keys: JWTVerifyGetKey | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.keys = config.google ? createRemoteJWKSet(new URL(config.google.jwksUrl)) : null;
  }

  get enabled(): boolean {
    return this.keys !== null;
  }

  async verify(idToken: string): Promise<GoogleIdentity> {
    if (!this.keys || !this.config.google) throw new AppError('google_not_configured', 'Google sign-in is not configured on this server');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(idToken, this.keys, {
        issuer: GOOGLE_ISSUERS,
        audience: this.config.google.clientIds,
        algorithms: ['RS256'],
        clockTolerance: 30,
      }));
    } catch {
      throw new AppError('invalid_credentials', 'The Google sign-in could not be verified');
    }
    const { sub, email, email_verified: verified, name } = payload;
    if (typeof sub !== 'string' || typeof email !== 'string' || verified !== true) {
      throw new AppError('invalid_credentials', 'The Google account has no verified email');
    }
    const cleanEmail = email.trim().toLowerCase();
    return { googleId: sub, email: cleanEmail, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : cleanEmail };
  }
}

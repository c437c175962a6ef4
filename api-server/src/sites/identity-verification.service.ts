import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import { IdentitySecretsService } from './identity-secrets.service.js';

/** hex(HMAC-SHA256(key = secret, message = userId)): what the host site's server computes. */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/** Constant-time comparison of a hex hash with the expected one; false for any other length or a non-hex string. */
export function identityHashMatches(secret: string, userId: string, userHash: string): boolean {
  const expected = createHmac('sha256', secret).update(userId, 'utf8').digest();
  if (!/^[0-9a-f]+$/i.test(userHash) || userHash.length !== expected.length * 2) return false;
  const given = Buffer.from(userHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `chtq.setUser({ id, hash })`: checks a visitor's claimed user id against the site's identity secret. */
@Injectable()
export class IdentityVerificationService {
  constructor(private readonly secrets: IdentitySecretsService) {}

  /** The verified user id, or `identity_invalid` (the same answer whether the hash or the site's secret is wrong). */
  async verify(siteId: string, userId: string, userHash: string): Promise<string> {
    const secret = await this.secrets.current(siteId);
    if (secret === null || !identityHashMatches(secret, userId, userHash)) {
      throw new AppError('identity_invalid', 'The user hash does not match this user id');
    }
    return userId;
  }
}

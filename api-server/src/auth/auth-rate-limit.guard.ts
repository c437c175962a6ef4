import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, Logger, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type AuthAction, AuthLimitsService } from './auth-limits.service.js';
import { RateLimitedError } from './rate-limited.error.js';

const RATE_LIMIT_ACTION = 'chatiq:authRateLimit';

/**
 * Limits a route per client IP (`req.ip`: the client behind the proxies TRUSTED_PROXIES names, e.g.
 * the browser's address the admin panel forwards on sign-in): AUTH_RATE_LIMIT requests
 * per AUTH_RATE_LIMIT_WINDOW_SECONDS, then 429 `rate_limited` with Retry-After. Runs before body
 * validation, so malformed requests count too.
 */
export const RateLimit = (action: AuthAction) => applyDecorators(SetMetadata(RATE_LIMIT_ACTION, action), UseGuards(AuthRateLimitGuard));

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly logger = new Logger('AuthRateLimit');

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: AuthLimitsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<AuthAction | undefined>(RATE_LIMIT_ACTION, context.getHandler());
    if (!action) return true;
    const http = context.switchToHttp();
    const ip = http.getRequest<Request>().ip ?? 'unknown';
    const wait = await this.limits.consumeIp(action, ip);
    if (wait === null) return true;
    this.logger.warn(`${action} refused for ${ip}: over the per-IP limit for ${wait} s`);
    http.getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new RateLimitedError(wait);
  }
}

import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type AuthAction, AuthLimitsService } from './auth-limits.service.js';
import { RateLimitedError } from './rate-limited.error.js';

const RATE_LIMIT_ACTION = 'chatiq:authRateLimit';

/**
 * Limits a route per client IP (`req.ip`, which honours TRUST_PROXY): AUTH_RATE_LIMIT requests
 * per AUTH_RATE_LIMIT_WINDOW_SECONDS, then 429 `rate_limited` with Retry-After. Runs before body
 * validation, so malformed requests count too.
 */
export const RateLimit = (action: AuthAction) => applyDecorators(SetMetadata(RATE_LIMIT_ACTION, action), UseGuards(AuthRateLimitGuard));

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: AuthLimitsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<AuthAction | undefined>(RATE_LIMIT_ACTION, context.getHandler());
    if (!action) return true;
    const http = context.switchToHttp();
    const wait = await this.limits.consumeIp(action, http.getRequest<Request>().ip ?? 'unknown');
    if (wait === null) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new RateLimitedError(wait);
  }
}

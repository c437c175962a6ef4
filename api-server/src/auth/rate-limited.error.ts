import { AppError } from '../common/errors/app-error.js';

/** `rate_limited` (429) with how long to wait; `RetryAfterInterceptor` puts it in a Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; try again later',
  ) {
    super('rate_limited', message);
  }
}

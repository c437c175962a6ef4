import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toAppError } from './to-app-error.js';

/** Maps every error raised in an HTTP request to `{ code, message, issues? }` with its status. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const { error, unexpected } = toAppError(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const response = host.switchToHttp().getResponse<Response>();
    response.status(error.status).json(error.toBody());
  }
}

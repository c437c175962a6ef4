import { formatBytes, idSchema } from '@chatiq/contracts';
import {
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { parseInput } from '../common/validation/parse-input.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { AttachmentsService } from './attachments.service.js';
import type { ReceivedUpload } from './upload-engine.js';

/**
 * Runs before multer: refuses an operator who may not see the chat (404) before a byte of the
 * file is read or stored.
 */
@Injectable()
export class OperatorChatUploadGuard implements CanActivate {
  constructor(private readonly attachments: AttachmentsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user: AuthUser }>();
    await this.attachments.assertOperatorMayUpload(req.user, parseInput(idSchema, req.params.chatId));
    return true;
  }
}

/**
 * Runs before multer: uploads are `multipart/form-data` (multer would pass anything else through
 * without a file, and answer other multipart types with a 415 the error mapping does not know).
 */
@Injectable()
export class MultipartFormOnlyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is('multipart/form-data')) {
      throw new AppError('validation_failed', 'Send the file as multipart/form-data (field "file")');
    }
    return next.handle();
  }
}

/**
 * Around multer: a file over the server's limit (UPLOAD_MAX_BYTES) is answered
 * `payload_too_large` with the limit, in the message ("The file is too large (max 10 MB)") and as
 * `maxBytes`, so a client can say it in its reader's language.
 */
@Injectable()
export class FileTooLargeInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const maxBytes = this.config.uploads.maxBytes;
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof HttpException && error.getStatus() === 413
              ? new AppError('payload_too_large', `The file is too large (max ${formatBytes(maxBytes)})`, undefined, maxBytes)
              : error,
          ),
        ),
      );
  }
}

/**
 * The page a widget request comes from: its Origin header, or for a plain `<img src>` / link
 * (which sends no Origin) the origin of its Referer.
 */
export function widgetRequestOrigin(req: Request): string | undefined {
  if (req.headers.origin) return req.headers.origin;
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    const origin = new URL(referer).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Runs after multer: when the request fails after the file was stored (a field the contract
 * refuses, a bad route parameter, anything the service throws), the file is deleted before the
 * error is answered, so a refused upload has left nothing behind by the time the client hears
 * of it. (Nest's own clean-up after a pipe refusal runs only once the response is sent.)
 */
@Injectable()
export class DiscardUploadOnErrorInterceptor implements NestInterceptor {
  constructor(@Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { file?: ReceivedUpload }>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const key = req.file?.key;
        if (!key) return throwError(() => error);
        return from(this.storage.delete(key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}

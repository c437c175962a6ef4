import type { ErrorCode } from '@chatiq/contracts';
import { HttpException } from '@nestjs/common';
import { AppError } from './app-error.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'validation_failed',
  429: 'rate_limited',
  431: 'request_headers_too_large',
};

/**
 * Turns anything thrown into an AppError. `unexpected` is true when the error is not one the
 * code meant to raise (it is then logged and reported as internal_error, with no details).
 */
export function toAppError(error: unknown): { error: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { error, unexpected: false };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status];
    if (code) {
      const message = code === 'not_found' ? 'Not found' : code === 'validation_failed' ? 'Malformed request' : error.message;
      return { error: new AppError(code, message), unexpected: false };
    }
  }
  const database = databaseErrorCode(error);
  if (database && GONE.has(database)) {
    // Checked, then gone before the write (deleted by a concurrent request): what a caller asking
    // a moment later would have been told.
    return { error: new AppError('not_found', 'Not found (it was deleted meanwhile)'), unexpected: false };
  }
  if (isDatabaseUnavailable(error)) {
    return { error: new AppError('database_unavailable', 'The database is unavailable; try again shortly'), unexpected: true };
  }
  return { error: new AppError('internal_error', 'Something went wrong on our side'), unexpected: true };
}

/**
 * Database errors that mean "a row this request needed is gone": Prisma's record-not-found (P2025)
 * and foreign-key failure (P2003), and PostgreSQL's foreign-key violation from raw SQL (23503).
 */
const GONE = new Set(['P2025', 'P2003', '23503']);

function databaseErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${(error as { code?: string }).code ?? ''}` : '';
  return /ECONNREFUSED|ENOTFOUND|Can't reach database|Connection terminated|DatabaseNotReachable|P1001/.test(text);
}

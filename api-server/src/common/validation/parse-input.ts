import { findUnsafeString, toValidationIssues } from '@chatiq/contracts';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * Parses input with a contract schema, or throws `validation_failed` with field paths. Every input
 * passes here (REST bodies, queries and route parameters through `ZodPipe`, socket handshakes and
 * payloads), so it is also where strings nothing can store are refused (a NUL, a lone surrogate:
 * `findUnsafeString`), before the schema sees them.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const unsafe = findUnsafeString(value);
  if (unsafe) throw invalid([{ path: unsafe.path, message: unsafe.message }]);
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(toValidationIssues(result.error));
  return result.data;
}

function invalid(issues: ReturnType<typeof toValidationIssues>): AppError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return new AppError('validation_failed', `Invalid input: ${where}${first?.message ?? 'malformed'}`, issues);
}

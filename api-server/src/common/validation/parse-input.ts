import { toValidationIssues } from '@chatiq/contracts';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Parses input with a contract schema, or throws `validation_failed` with field paths. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = toValidationIssues(result.error);
    const first = issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new AppError('validation_failed', `Invalid input: ${where}${first?.message ?? 'malformed'}`, issues);
  }
  return result.data;
}

import type { ValidationIssue } from '@chatiq/contracts';
import { ApiError } from '@/lib/api/api-client';

/** Problems by field path, "weekly.3.open" → message; "" is the form itself. */
export type FieldErrors = Record<string, string>;

export type IssueLike = { readonly path: readonly PropertyKey[]; readonly message: string };

export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** The first problem of each path (a contract's `validation_failed` issues, or a zod error's). */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[pathKey(issue.path)] ??= issue.message;
  return errors;
}

/** The field errors of an API answer: `validation_failed` issues, else null (not a field problem). */
export function fieldErrorsFromApiError(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError) || error.body.code !== 'validation_failed') return null;
  const issues: ValidationIssue[] = error.body.issues ?? [];
  return issues.length > 0 ? fieldErrorsFromIssues(issues) : { '': error.body.message };
}

/** The problem of exactly this field. */
export function errorAt(errors: FieldErrors, ...path: PropertyKey[]): string | undefined {
  return errors[pathKey(path)];
}

/**
 * Problems of this field and everything inside it ("weekly.3" also finds "weekly.3.open"), so a
 * row can show what its inputs do not.
 */
export function errorsWithin(errors: FieldErrors, ...path: PropertyKey[]): string[] {
  const key = pathKey(path);
  return Object.entries(errors)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .map(([, message]) => message);
}

/** The problems no shown field claims (so none is lost): every path not under one of `shown`. */
export function unclaimedErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !shown.some((s) => k === s || k.startsWith(`${s}.`)))
    .map(([, message]) => message);
}

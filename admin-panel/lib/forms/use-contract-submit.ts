'use client';

import { useState } from 'react';
import { type FieldErrors, fieldErrorsFromApiError, fieldErrorsFromIssues, type IssueLike } from './field-errors';

/** A contract schema, as far as the form needs it (zod's `safeParse`). */
type BodySchema = { safeParse(body: unknown): { success: true } | { success: false; error: { issues: readonly IssueLike[] } } };

/**
 * What every settings form does on submit: check the body against the contract's schema (problems
 * on their fields, nothing sent), send it, put the API's `validation_failed` issues on their fields,
 * and keep `saving` / `saved` / `failure` for the form to show. `claim` may turn another API error
 * into field errors (e.g. 409 `shortcut_taken`) or handle it itself (return true).
 */
export function useContractSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  /** Resolves with what `send` returned, or undefined when the body was refused or sending failed. */
  async function submit<T>(
    schema: BodySchema,
    body: unknown,
    send: () => Promise<T>,
    claim?: (error: unknown) => FieldErrors | boolean,
  ): Promise<T | undefined> {
    setFailure(null);
    setSaved(false);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return undefined;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await send();
      setSaved(true);
      return result;
    } catch (error) {
      const claimed = fieldErrorsFromApiError(error) ?? claim?.(error) ?? false;
      if (typeof claimed === 'object') setErrors(claimed);
      else if (!claimed) setFailure(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  return { errors, failure, saving, saved, setSaved, submit };
}

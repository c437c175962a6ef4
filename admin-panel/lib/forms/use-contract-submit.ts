'use client';

import { useState } from 'react';
import { type FieldErrors, fieldErrorsFromApiError, fieldErrorsFromIssues, type IssueLike } from './field-errors';

/** A contract schema, as far as the form needs it (zod's `safeParse`). */
type BodySchema<D> = {
  safeParse(body: unknown): { success: true; data: D } | { success: false; error: { issues: readonly IssueLike[] } };
};

export type SubmitOptions = {
  /** Turns another API error into field errors (e.g. 409 `shortcut_taken`), or handles it (true). */
  claim?: (error: unknown) => FieldErrors | boolean;
  /** Problems the schema cannot see (a repeated password that differs): shown with its, nothing sent. */
  also?: FieldErrors;
};

/**
 * What every form does on submit: check the body against the contract's schema (problems on their
 * fields, nothing sent), send what the schema parsed, put the API's `validation_failed` issues on
 * their fields, and keep `saving` / `saved` / `failure` for the form to show (`FieldError`,
 * `FormError`). Anything else `send` throws is the form's failure (shown by its code).
 */
export function useContractSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  /** Resolves with what `send` returned, or undefined when the body was refused or sending failed. */
  async function submit<D, T>(
    schema: BodySchema<D>,
    body: unknown,
    send: (data: D) => Promise<T>,
    options: SubmitOptions = {},
  ): Promise<T | undefined> {
    setFailure(null);
    setSaved(false);
    const parsed = schema.safeParse(body);
    const found = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...options.also };
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return undefined;
    }
    setErrors({});
    setSaving(true);
    try {
      const result = await send(parsed.data);
      setSaved(true);
      return result;
    } catch (error) {
      const claimed = fieldErrorsFromApiError(error) ?? options.claim?.(error) ?? false;
      if (typeof claimed === 'object') setErrors(claimed);
      else if (!claimed) setFailure(error);
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  return { errors, failure, saving, saved, setSaved, submit };
}

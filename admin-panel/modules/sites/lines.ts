// Relative (not '@/'): the unit tests load this file without Next's path aliases.
import type { FieldErrors } from '@/lib/forms/field-errors';

/** A textarea of one value per line (commas also separate) → the values, trimmed, blanks dropped. */
export function toLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The values back into the textarea, one per line. */
export function fromLines(values: readonly string[]): string {
  return values.join('\n');
}

/**
 * The problems of a list field ("domains", "domains.2"): each with the value it is about (the
 * item at that index of what was sent), or null when it is about the whole list.
 */
export function listFieldErrors(errors: FieldErrors, field: string, sent: readonly string[]): { value: string | null; message: string }[] {
  return Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .map(([key, message]) => {
      const index = Number(key.slice(field.length + 1).split('.')[0]);
      const value = key === field || !Number.isInteger(index) ? null : (sent[index] ?? null);
      return { value, message };
    });
}

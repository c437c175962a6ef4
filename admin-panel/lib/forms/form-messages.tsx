'use client';

import { useErrorText, useIssueText } from './use-error-text';

/** One field's problem, under the field. */
export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  const issueText = useIssueText();
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {issueText(message)}
    </span>
  );
}

/** A form's problem that belongs to no field (failed request, unclaimed issues). */
export function FormError({ error, messages = [] }: { error?: unknown; messages?: readonly string[] }) {
  const errorText = useErrorText();
  const issueText = useIssueText();
  if (!error && messages.length === 0) return null;
  return (
    <div role="alert" className="error form-error">
      {error ? <p>{errorText(error)}</p> : null}
      {messages.map((message) => (
        <p key={message}>{issueText(message)}</p>
      ))}
    </div>
  );
}

/** "Saved" next to a save button, for a moment after a save. */
export function SavedNote({ show, text }: { show: boolean; text: string }) {
  return show ? (
    <output className="saved-note" aria-live="polite">
      {text}
    </output>
  ) : null;
}

import type { ErrorCode } from './errors.js';

/**
 * The one retry rule of every client (the widget's outbox, the admin panel's outbox, the upload
 * of a file): may sending the same request again, unchanged, succeed later? `retry`: the refusal
 * passes (busy server or database, a rate limit, a socket about to be reconnected with new rights):
 * keep the request and send it again with the same client id after the next reconnect. `final`:
 * the request itself is at fault or refers to something that is not there (or not the caller's):
 * drop it and tell the person. Every error code has an entry: a new code without one does not
 * compile (and `retry.spec.ts` checks the table against `ERROR_STATUS`).
 */
export const ERROR_RETRY = {
  validation_failed: 'final',
  contract_version_unsupported: 'final',
  invalid_reset_token: 'final',
  invalid_invitation: 'final',
  unauthorized: 'final',
  invalid_credentials: 'final',
  forbidden: 'final',
  origin_not_allowed: 'final',
  identity_invalid: 'final',
  not_found: 'final',
  google_not_configured: 'final',
  site_not_found: 'final',
  chat_not_found: 'final',
  contact_blocked: 'final',
  label_taken: 'final',
  attribute_key_taken: 'final',
  merge_conflict: 'final',
  email_taken: 'final',
  shortcut_taken: 'final',
  ai_key_rejected: 'final',
  egress_refused: 'final',
  identity_not_configured: 'final',
  webhooks_not_configured: 'final',
  ai_not_configured: 'final',
  /** The AI provider could not answer now. */
  ai_unavailable: 'retry',
  /** The member's sockets are closed to be reconnected with their new rights: the resend is judged by them. */
  permissions_changed: 'retry',
  last_owner: 'final',
  payload_too_large: 'final',
  request_headers_too_large: 'final',
  /** The request arrived too slowly: the same request over a better connection may pass. */
  request_timeout: 'retry',
  rate_limited: 'retry',
  internal_error: 'retry',
  database_unavailable: 'retry',
} as const satisfies Record<ErrorCode, 'retry' | 'final'>;

/**
 * Whether a request refused with `code` may be sent again unchanged (see `ERROR_RETRY`). A code
 * this client does not know (a newer server) counts as passing: better one resend too many than a
 * message lost.
 */
export function isRetryableError(code: string): boolean {
  return (ERROR_RETRY as Record<string, string | undefined>)[code] !== 'final';
}

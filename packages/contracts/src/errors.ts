import { z } from 'zod';

/**
 * Every error the API reports carries one of these stable codes, over REST
 * (`{ code, message, issues? }` with the HTTP status below) and over sockets
 * (acknowledgement `{ ok: false, code, message, issues? }` or the `error` event).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  contract_version_unsupported: 400,
  /** A password reset link that is unknown, already used or expired. */
  invalid_reset_token: 400,
  /** An invitation link that is unknown, already used or expired. */
  invalid_invitation: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  /** `visitor:identify` with a `userHash` that does not match the site's identity secret: nothing was stored. */
  identity_invalid: 403,
  not_found: 404,
  /** Google sign-in was asked for, but this server has no GOOGLE_CLIENT_ID. */
  google_not_configured: 404,
  site_not_found: 404,
  chat_not_found: 404,
  /**
   * The visitor is (or identified as) a contact the organization blocked: the widget connection is
   * refused and nothing was stored.
   */
  contact_blocked: 403,
  /** A label with this name already exists in the organization. */
  label_taken: 409,
  /** A contact attribute with this key already exists in the organization. */
  attribute_key_taken: 409,
  /**
   * The merge cannot be made or undone as asked: a contact merged with itself or one already merged
   * away, or a merge already undone or whose target was merged again since.
   */
  merge_conflict: 409,
  email_taken: 409,
  /** A quick template with this shortcut already exists in the same scope. */
  shortcut_taken: 409,
  /** The AI provider refused the key or its access (the message says why): nothing was saved. */
  ai_key_rejected: 422,
  /**
   * A URL the caller gave (the AI base URL) leads to a local, private or otherwise non-public
   * address, which the server does not connect to (nothing was sent there, nothing was saved). The
   * same answer for every such address; the server's EGRESS_ALLOW setting can allow one.
   */
  egress_refused: 422,
  /**
   * The site's identity secret cannot be stored or opened: the server has no AI_SECRET_KEYS keyring,
   * or no longer has the master key that sealed it (rotate the identity secret then).
   */
  identity_not_configured: 409,
  /**
   * A webhook's signing secret cannot be sealed: the server has no AI_SECRET_KEYS keyring (which
   * seals webhook secrets at rest too).
   */
  webhooks_not_configured: 409,
  /** The site's AI assistant is off or has no key (e.g. a reply suggestion was asked for). */
  ai_not_configured: 409,
  /** The provider could not answer (rate limit, timeout, outage): try again later. */
  ai_unavailable: 503,
  /**
   * Sent to a member's admin sockets before they are closed because their role or sites changed:
   * reconnect (same token) to get the new view.
   */
  permissions_changed: 409,
  /** The change would leave the organization without an active OWNER. */
  last_owner: 409,
  /** The client took too long to send its request (headers or body): the connection is closed. */
  request_timeout: 408,
  payload_too_large: 413,
  /** The request line or headers are larger than the server reads (16 KB). */
  request_headers_too_large: 431,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const errorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

/** One problem with an input, addressed by the path of the offending field. */
export const validationIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** Body of every failed REST response. */
export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(validationIssueSchema).optional(),
  /** With `payload_too_large` from an upload: the largest file the server takes, in bytes. */
  maxBytes: z.number().int().positive().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod's issues into the contract's field-path form. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
}

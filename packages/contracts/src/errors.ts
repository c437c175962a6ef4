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
  not_found: 404,
  site_not_found: 404,
  chat_not_found: 404,
  email_taken: 409,
  /** The change would leave the organization without an active OWNER. */
  last_owner: 409,
  payload_too_large: 413,
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
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod's issues into the contract's field-path form. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
}

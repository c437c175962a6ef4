import { z } from 'zod';

export const roleSchema = z.enum(['OWNER', 'ADMIN', 'OPERATOR']);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Not a valid email address').max(254));

/** bcrypt reads at most this many bytes of a password and ignores the rest. */
export const PASSWORD_MAX_BYTES = 72;

/** The length of `text` in UTF-8 bytes ("é" is 2, "ї" is 2, "€" is 3, "😀" is 4). */
export const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A new password (register, invitation, change, reset). The upper bound is in UTF-8 bytes, not
 * characters: bcrypt hashes only the first 72 bytes, so two longer passwords that share them
 * would both sign in. Signing in (`loginBodySchema`) keeps its looser bound, so passwords set
 * before this rule keep working.
 */
export const passwordSchema = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .refine((password) => utf8Length(password) <= PASSWORD_MAX_BYTES, {
    message: `Password must be at most ${PASSWORD_MAX_BYTES} bytes`,
  })
  .meta({
    description: `At least 8 characters and at most ${PASSWORD_MAX_BYTES} bytes in UTF-8 (a letter outside English takes 2 or more)`,
  });

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100),
  organizationName: z.string().trim().min(1).max(100),
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/**
 * `POST /auth/google`: the ID token Google issued to the admin panel (next-auth's Google provider).
 * An unknown Google account gets a new organization (named `organizationName`, or after the user).
 */
export const googleSignInBodySchema = z.object({
  idToken: z.string().min(20).max(8192),
  organizationName: z.string().trim().min(1).max(100).optional(),
});
export type GoogleSignInBody = z.infer<typeof googleSignInBodySchema>;

export const userDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organizationId: z.string(),
  organizationName: z.string(),
  /** The member's picture (`avatarPath` on the API), or null/absent: initials. */
  avatarUrl: z.string().nullable().optional(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

export const authResponseSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.string(),
  user: userDtoSchema,
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

/**
 * Body of `POST /auth/logout` and `POST /auth/logout-all`: nothing, or `{}`. Unknown fields are
 * refused, so a client that sends e.g. `{ everywhere: true }` to /auth/logout learns at once that
 * signing out everywhere is /auth/logout-all instead of silently ending only this session.
 */
export const logoutBodySchema = z.strictObject({}).optional();
export type LogoutBody = z.infer<typeof logoutBodySchema>;

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordSchema,
  })
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one',
  });
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** `POST /auth/password-reset`: always answered 202, whether an account has this email or not. */
export const passwordResetRequestBodySchema = z.object({ email: emailSchema });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

/** `POST /auth/password-reset/confirm`: the token from the emailed link and the new password. */
export const passwordResetConfirmBodySchema = z.object({
  token: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBodySchema>;

/**
 * `GET /auth/mail-status` (public): whether the API sends mail (`SMTP_URL` set). When it does not,
 * the admin panel warns owners and admins, hands an inviter the invitation link to pass on, and
 * tells someone who forgot their password to ask their organization's owner.
 */
export const mailStatusDtoSchema = z.object({ configured: z.boolean() });
export type MailStatusDto = z.infer<typeof mailStatusDtoSchema>;

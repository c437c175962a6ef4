import { z } from 'zod';
import { emailSchema, passwordSchema, roleSchema } from './auth.js';
import { idSchema } from './common.js';

/** Roles an invitation can grant (an OWNER is made by promoting a member, never by invitation). */
export const inviteRoleSchema = z.enum(['ADMIN', 'OPERATOR']);
export type InviteRole = z.infer<typeof inviteRoleSchema>;

const siteIdsSchema = z
  .array(idSchema)
  .max(500)
  .transform((ids) => [...new Set(ids)]);

export const OPERATOR_NEEDS_SITE = 'An operator must be assigned at least one site';

/**
 * `POST /team/invitations`: only an OWNER may invite an ADMIN. An OPERATOR sees only the sites
 * assigned to them, so their invitation names at least one (`siteIds`); OWNERs and ADMINs see every
 * site, and need none.
 */
export const createInvitationBodySchema = z
  .strictObject({
    email: emailSchema,
    role: inviteRoleSchema,
    siteIds: siteIdsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'OPERATOR' && !body.siteIds?.length)
      ctx.addIssue({ code: 'custom', path: ['siteIds'], message: OPERATOR_NEEDS_SITE });
  });
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

export const invitationDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  siteIds: z.array(z.string()),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationDto = z.infer<typeof invitationDtoSchema>;

/**
 * The answer to `POST /team/invitations`. `link` (the invitation link itself, token included) only
 * when the API does not send mail (`GET /auth/mail-status` says `configured: false`): then the
 * inviter passes it on. It is never stored or listed, and never in any other answer.
 */
export const createdInvitationDtoSchema = invitationDtoSchema.extend({
  link: z.url().optional().describe('Only when mail is not set up: the link to hand to the invitee (works once, 7 days)'),
});
export type CreatedInvitationDto = z.infer<typeof createdInvitationDtoSchema>;

/** `POST /team/invitations/accept` (public): the token from the mailed link; answered like a login. */
export const acceptInvitationBodySchema = z.strictObject({
  token: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  password: passwordSchema,
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

export const memberDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The member's avatar (`avatarPath` on the API), or null. */
  avatarUrl: z.string().nullable(),
  active: z.boolean(),
  siteIds: z.array(z.string()),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberDto = z.infer<typeof memberDtoSchema>;

/**
 * `PATCH /team/members/:userId`: any of role, site assignments (replaces the whole set) and
 * active (false deactivates: every session of the member ends and their sockets disconnect).
 */
export const updateMemberBodySchema = z
  .strictObject({
    role: roleSchema.optional(),
    siteIds: siteIdsSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => b.role !== undefined || b.siteIds !== undefined || b.active !== undefined, {
    message: 'Nothing to change: give role, siteIds or active',
    path: [],
  });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

/** `GET /team/colleagues?siteId=`: any role, for a site the caller can see (else 404 site_not_found). */
export const listColleaguesQuerySchema = z.object({ siteId: idSchema });
export type ListColleaguesQuery = z.infer<typeof listColleaguesQuerySchema>;

/**
 * A member who can be assigned chats of the site: active, and an OWNER or ADMIN (they see every
 * site) or an OPERATOR assigned to it. The caller is included when they qualify.
 */
export const colleagueDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
});
export type ColleagueDto = z.infer<typeof colleagueDtoSchema>;

import { z } from 'zod';
import { roleSchema } from './auth.js';

/** The multipart field of `POST /profile/avatar`. */
export const AVATAR_FILE_FIELD = 'file';

/** The largest avatar image the API accepts before resizing it (2 MB). */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** The side of the square every avatar is resized and cropped to (pixels). */
export const AVATAR_SIZE = 256;

/** Image types an avatar may be (sniffed from the bytes, not the name); the API stores WebP. */
export const AVATAR_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** `accept` of an avatar file input. */
export const AVATAR_ACCEPT = AVATAR_MIME_TYPES.join(',');

/**
 * Where an avatar is served, relative to the API's URL (`GET /avatars/:key`, public and cached
 * for good: a new picture gets a new key). Clients prefix the API URL they talk to.
 */
export function avatarPath(key: string): string {
  return `/avatars/${encodeURIComponent(key)}`;
}

/** `GET /profile`: the signed-in member's own profile. */
export const profileDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organizationName: z.string(),
  /** The avatar's path on the API (`avatarPath`), or null: clients show initials. */
  avatarUrl: z.string().nullable(),
  /** Sound and browser notifications of new chats and messages off (the inbox). */
  notificationsMuted: z.boolean(),
  /** Whether the member signs in with a password (a Google-only account has none to change). */
  hasPassword: z.boolean(),
});
export type ProfileDto = z.infer<typeof profileDtoSchema>;

/** `PATCH /profile`: the display name (shown to visitors and colleagues) and notification settings. */
export const updateProfileBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    notificationsMuted: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.notificationsMuted !== undefined, {
    message: 'Nothing to change: give name or notificationsMuted',
    path: [],
  });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

/** `GET /avatars/:key`: the key `avatarPath` put in the URL (random; nothing else is served there). */
export const avatarKeyParamSchema = z.string().regex(/^att_[A-Za-z0-9_-]{32}$/, 'Not an avatar');

import type { Role } from '@chatiq/contracts';

/** The authenticated operator behind a request or an admin socket. */
export type AuthUser = {
  id: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string;
  /** Their avatar's storage key (read when the token or socket was checked), or null. */
  avatarKey: string | null;
  /** The session the access token belongs to (ends with logout). */
  sessionId: string;
};

/** Claims of our access tokens. `sid`: the session, valid while its row exists. */
export type AccessTokenClaims = { sub: string; org: string; role: Role; sid: string };

import type { Role } from '@chatiq/contracts';

/** The authenticated operator behind a request or an admin socket. */
export type AuthUser = {
  id: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string;
};

/** Claims of our access tokens. */
export type AccessTokenClaims = { sub: string; org: string; role: Role };

import type { AuthUser } from '../common/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * The sites a user may see: every site of their organization for OWNER and ADMIN, only the
 * sites they are assigned to (SiteUser) for an OPERATOR. Every site-owned query goes through this.
 */
export function visibleSitesWhere(user: AuthUser): Prisma.SiteWhereInput {
  return user.role === 'OPERATOR'
    ? { organizationId: user.organizationId, siteUsers: { some: { userId: user.id } } }
    : { organizationId: user.organizationId };
}

export function assertCanManageSites(user: AuthUser): void {
  if (user.role === 'OPERATOR') throw new AppError('forbidden', 'Only owners and admins can manage sites');
}

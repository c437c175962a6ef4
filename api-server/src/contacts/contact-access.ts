import type { AuthUser } from '../common/auth-user.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PrismaService } from '../prisma/prisma.service.js';
import { visibleSitesWhere } from '../sites/site-access.js';

/**
 * The contacts a user may see: every contact of their organization for OWNER and ADMIN; for an
 * OPERATOR, those who were a visitor on a site assigned to them. Contacts merged into another
 * are gone from every view (their merge record keeps them for an undo).
 */
export function visibleContactsWhere(user: AuthUser): Prisma.ContactWhereInput {
  return user.role === 'OPERATOR'
    ? { organizationId: user.organizationId, mergedIntoId: null, visitors: { some: { site: visibleSitesWhere(user) } } }
    : { organizationId: user.organizationId, mergedIntoId: null };
}

/** Ids of the sites the user sees: what a contact's chats, counts and sites are limited to. */
export async function visibleSiteIds(prisma: PrismaService, user: AuthUser): Promise<string[]> {
  return (await prisma.site.findMany({ where: visibleSitesWhere(user), select: { id: true } })).map((s) => s.id);
}

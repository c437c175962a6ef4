// Row factories shared by the seed and the tests, so both build data the same way.
import bcrypt from 'bcrypt';
import type { PrismaClient, Role } from '../src/generated/prisma/client.js';
import { newSiteApiKey, newSitePublicId } from '../src/sites/site-keys.js';

export type Db = Pick<PrismaClient, 'organization' | 'user' | 'site' | 'siteUser'>;

export async function createOrganizationWithOwner(
  db: Db,
  input: { organizationName: string; email: string; password: string; name: string; bcryptRounds?: number },
) {
  const organization = await db.organization.create({ data: { name: input.organizationName } });
  const owner = await createUser(db, { ...input, organizationId: organization.id, role: 'OWNER' });
  return { organization, owner };
}

export async function createUser(
  db: Db,
  input: { organizationId: string; email: string; password: string; name: string; role: Role; bcryptRounds?: number },
) {
  return db.user.create({
    data: {
      organizationId: input.organizationId,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await bcrypt.hash(input.password, input.bcryptRounds ?? 12),
    },
  });
}

export async function createSite(
  db: Db,
  input: {
    organizationId: string;
    ownerId?: string;
    name: string;
    publicId?: string;
    allowedOrigins?: string[];
    domains?: string[];
    operatorIds?: string[];
  },
) {
  const apiKey = newSiteApiKey();
  const site = await db.site.create({
    data: {
      organizationId: input.organizationId,
      ownerId: input.ownerId,
      name: input.name,
      publicId: input.publicId ?? newSitePublicId(),
      allowedOrigins: input.allowedOrigins ?? [],
      domains: input.domains ?? [],
      apiKeyHash: apiKey.hash,
      apiKeyLast4: apiKey.last4,
    },
  });
  for (const userId of input.operatorIds ?? []) {
    await db.siteUser.create({ data: { organizationId: input.organizationId, siteId: site.id, userId } });
  }
  return { site, apiKey: apiKey.key };
}

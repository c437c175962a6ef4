// Demo data for a first run: one organization with an owner, an operator and a site that the
// widget demo page (port 3002) uses. Safe to run again: it does nothing when the demo exists.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { createOrganizationWithOwner, createSite, createUser } from './factories.js';

export const DEMO = {
  organizationName: 'Demo Company',
  owner: { email: 'owner@demo.chatiq.dev', password: 'demo-owner-123', name: 'Olena Owner' },
  operator: { email: 'operator@demo.chatiq.dev', password: 'demo-operator-123', name: 'Oleh Operator' },
  site: { name: 'Demo site', publicId: 'site_demo' },
};

export async function seed(prisma: PrismaClient, widgetOrigins: string[]): Promise<'created' | 'exists'> {
  if (await prisma.user.findUnique({ where: { email: DEMO.owner.email } })) return 'exists';
  return prisma.$transaction(async (tx) => {
    const { organization, owner } = await createOrganizationWithOwner(tx, {
      organizationName: DEMO.organizationName,
      ...DEMO.owner,
    });
    const operator = await createUser(tx, { organizationId: organization.id, role: 'OPERATOR', ...DEMO.operator });
    await createSite(tx, {
      organizationId: organization.id,
      ownerId: owner.id,
      ...DEMO.site,
      allowedOrigins: widgetOrigins,
      operatorIds: [operator.id],
    });
    return 'created' as const;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('seed: DATABASE_URL is not set');
    process.exit(1);
  }
  const origins = (process.env.SEED_WIDGET_ORIGINS ?? 'http://localhost:3002,http://127.0.0.1:3002').split(',');
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const result = await seed(prisma, origins);
  await prisma.$disconnect();
  console.log(result === 'created' ? 'seed: demo organization created' : 'seed: demo organization already there');
}

import type { ListContactsQuery } from '@chatiq/contracts';
import { Prisma } from '../generated/prisma/client.js';

/**
 * The people list as one statement: ids of one page in the asked order, with the total of the
 * filtered list (`count(*) OVER ()`). `operatorSiteIds`: an OPERATOR sees contacts who were a
 * visitor on their sites only; `siteIds`: the sites the caller sees (chat counts are over them).
 */
export function contactListStatement(input: {
  organizationId: string;
  operatorSiteIds: string[] | null;
  siteIds: string[];
  query: ListContactsQuery;
}): Prisma.Sql {
  const { organizationId, operatorSiteIds, siteIds, query } = input;
  const where: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${organizationId}`, Prisma.sql`c."mergedIntoId" IS NULL`];
  if (operatorSiteIds !== null) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Visitor" v WHERE v."contactId" = c.id AND v."siteId" = ANY(${operatorSiteIds}::text[]))`);
  }
  if (query.siteId !== undefined) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Visitor" v WHERE v."contactId" = c.id AND v."siteId" = ${query.siteId})`);
  }
  if (query.blocked !== undefined) where.push(Prisma.sql`c.blocked = ${query.blocked === 'true'}`);
  const labelIds = [...new Set(query.labelIds ?? [])];
  if (labelIds.length > 0) {
    where.push(
      query.labelMatch === 'all'
        ? Prisma.sql`(SELECT count(*) FROM "ContactLabel" cl WHERE cl."contactId" = c.id AND cl."labelId" = ANY(${labelIds}::text[])) = ${labelIds.length}`
        : Prisma.sql`EXISTS (SELECT 1 FROM "ContactLabel" cl WHERE cl."contactId" = c.id AND cl."labelId" = ANY(${labelIds}::text[]))`,
    );
  }
  const direction = query.order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const key = {
    lastSeen: Prisma.sql`c."lastSeenAt"`,
    created: Prisma.sql`c."createdAt"`,
    name: Prisma.sql`lower(coalesce(c.name, c.email, ''))`,
    chats: Prisma.sql`(SELECT count(*) FROM "Chat" ch JOIN "Visitor" v ON v.id = ch."visitorId"
      WHERE v."contactId" = c.id AND ch."siteId" = ANY(${siteIds}::text[]))`,
  }[query.sort];
  return Prisma.sql`
    SELECT c.id, count(*) OVER () AS total
    FROM "Contact" c
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${key} ${direction}, c.id ${direction}
    LIMIT ${query.limit} OFFSET ${query.offset}`;
}

import { Prisma } from '../generated/prisma/client.js';

/**
 * True when a write failed on a unique constraint: P2002 from the query builder, P2010 (raw
 * query failed) with PostgreSQL's 23505 from `$queryRaw`, or 23505 itself from node-postgres
 * (`PrismaService.sql`).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return (error as { code?: unknown } | null)?.code === '23505';
  if (error.code === 'P2002') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string; kind?: string } } | undefined)?.cause;
  return error.code === 'P2010' && (cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505');
}

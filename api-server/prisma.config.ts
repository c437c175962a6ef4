// Prisma CLI configuration: the WebAssembly schema engine driven through the pg adapter, so that
// `prisma generate`, `migrate deploy`, `migrate status` and `migrate diff` run fully offline.

import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';

export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    // A short idle timeout: the CLI exits once done instead of waiting out the default 10 s.
    return new PrismaPg({ connectionString, idleTimeoutMillis: 100 });
  },
} satisfies PrismaConfig;

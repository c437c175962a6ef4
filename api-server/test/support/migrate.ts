import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the Prisma CLI of this package (offline, through the pg adapter). */
export function prisma(args: string[], databaseUrl: string): string {
  return execFileSync(path.join(apiRoot, 'node_modules', '.bin', 'prisma'), args, {
    cwd: apiRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Applies every migration, as `start.sh` and a release do. */
export function migrateDatabase(databaseUrl: string): void {
  prisma(['migrate', 'deploy'], databaseUrl);
}

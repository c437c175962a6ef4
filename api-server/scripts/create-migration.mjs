#!/usr/bin/env node
// Authors a Prisma migration offline (Prisma's native schema engine, which `migrate dev` needs,
// cannot be downloaded here). It diffs the schema as last committed against the working copy
// and writes prisma/migrations/<UTC timestamp>_<name>/migration.sql, the layout `migrate dev` makes.
//
//   pnpm --filter @chatiq/api-server migration:create add_visitor_tags [--from path/to/old.prisma]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--from');
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: migration:create <snake_case_name> [--from old-schema.prisma]');
  process.exit(2);
}

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL must point at a reachable PostgreSQL (nothing in it is read or changed)');
  process.exit(2);
}

const migrationsDir = path.join(root, 'prisma', 'migrations');
const hasMigrations = readdirSync(migrationsDir, { withFileTypes: true }).some((d) => d.isDirectory());
let from = ['--from-empty'];
const fromIndex = args.indexOf('--from');
if (fromIndex >= 0) {
  from = ['--from-schema-datamodel', path.resolve(args[fromIndex + 1])];
} else if (hasMigrations) {
  const old = execFileSync('git', ['show', 'HEAD:./prisma/schema.prisma'], { cwd: root, encoding: 'utf8' });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'chatiq-migration-')), 'schema.prisma');
  writeFileSync(file, old);
  from = ['--from-schema-datamodel', file];
}

const sql = execFileSync(
  path.join(root, 'node_modules', '.bin', 'prisma'),
  ['migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  {
    cwd: root,
    encoding: 'utf8',
    // The config's adapter opens a connection to DATABASE_URL (any reachable PostgreSQL will do);
    // a diff between two schema files reads and writes nothing there.
    env: process.env,
  },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
  console.error('schema.prisma has no changes against the last commit: nothing to migrate');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);

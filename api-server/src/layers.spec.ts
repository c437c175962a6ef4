import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down. Every folder of `src/` has one layer (a folder's own entry wins over its
 * parent's), highest first; a production file may import from its own layer or a lower one, never
 * from a higher one (type-only imports included: they couple as much). A new folder needs an entry.
 * See README-dev.md, "Architecture".
 */
const LAYERS = {
  /** The composition root: main.ts, create-app.ts, app.module.ts (the files directly in src/). */
  app: ['.'],
  /** What clients talk to: the Socket.IO gateways; the health route. */
  edge: ['gateways', 'health'],
  /** What the product does, each folder with its own REST controllers. */
  domain: [
    'auth',
    'sites',
    'team',
    'profile',
    'chats',
    'ai',
    'automation',
    'uploads',
    'widget-settings',
    'analytics',
    'contacts',
    'labels',
    'webhooks',
  ],
  /** What happened: the typed domain events and the listener that sends them to sockets. */
  events: ['events'],
  /** Ways out of the process: sockets, other API nodes, mail, tenant-controlled URLs. */
  infrastructure: ['realtime', 'common/cluster', 'common/egress', 'mail'],
  /** PostgreSQL: the Prisma service and its generated client. */
  database: ['prisma', 'generated'],
  /**
   * What every layer may use: the validated config; in common/ (but for its two folders above) the
   * signed-in user's type, errors with codes, input validation, secret sealing.
   */
  foundation: ['config', 'common'],
} as const;

type Layer = keyof typeof LAYERS;
const RANK = new Map<Layer, number>((Object.keys(LAYERS) as Layer[]).map((layer, i, all) => [layer, all.length - i]));

const SRC = dirname(fileURLToPath(import.meta.url));

/** The layer a file or folder (relative to src/, posix) belongs to: its longest declared folder. */
function layerOf(path: string): Layer | null {
  let best: { layer: Layer; length: number } | null = null;
  for (const [layer, folders] of Object.entries(LAYERS) as [Layer, readonly string[]][]) {
    for (const folder of folders) {
      const inside = folder === '.' ? !path.includes('/') : path === folder || path.startsWith(`${folder}/`);
      if (inside && (!best || folder.length > best.length)) best = { layer, length: folder === '.' ? 0 : folder.length };
    }
  }
  return best?.layer ?? null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|tz-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module specifier of a file's `import … from '…'`, `export … from '…'` and `import('…')`. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push(match[1] as string);
  for (const match of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(match[1] as string);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1] as string);
  return found;
}

const toPosix = (path: string) => path.split(sep).join('/');
const files = sourceFiles(SRC).map((path) => toPosix(relative(SRC, path)));

describe('layers: every production import points down', () => {
  it('knows the layer of every folder', () => {
    const folders = [...new Set(files.map((file) => posix.dirname(file)))];
    const probe = (folder: string) => (folder === '.' ? 'x.ts' : `${folder}/x.ts`);
    expect(folders.filter((folder) => layerOf(probe(folder)) === null)).toEqual([]);
  });

  it('finds the imports it checks', () => {
    // The check below means something only if the parser sees imports across folders.
    const crossFolder = files.flatMap((file) => importsOf(readFileSync(join(SRC, file), 'utf8')).filter((s) => s.startsWith('../')));
    expect(crossFolder.length).toBeGreaterThan(100);
  });

  it('has no import from a higher layer', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue; // reported by the first test
      for (const specifier of importsOf(readFileSync(join(SRC, file), 'utf8'))) {
        if (!specifier.startsWith('.')) continue; // packages
        const target = posix.normalize(posix.join(posix.dirname(file), specifier));
        if (target.startsWith('..')) continue; // outside src/ (none in production code)
        const to = layerOf(target);
        if (!to) upward.push(`${file} → ${specifier} (no layer)`);
        else if ((RANK.get(to) ?? 0) > (RANK.get(from) ?? 0)) upward.push(`${file} (${from}) → ${specifier} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });
});

// Bundles src/loader.ts into public/widget.js (one minified IIFE plus its source map) and
// prints its size. `--watch` rebuilds on every change. The API URL the widget uses when the
// page gives none comes from CHATIQ_API_URL at build time.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'public', 'widget.js');
const watch = process.argv.includes('--watch');
const apiUrl = process.env.CHATIQ_API_URL || 'http://localhost:3000';

/**
 * zod is the contract's runtime: the widget imports only types from @chatiq/contracts and values
 * from its zod-free `@chatiq/contracts/protocol` entry, and this keeps it that way.
 */
const noZodPlugin = {
  name: 'chatiq-no-zod',
  setup(build) {
    build.onResolve({ filter: /^zod(\/|$)/ }, (args) => ({
      errors: [
        {
          text: `zod must not be bundled into the widget (imported by ${relative(root, args.importer)}); use \`import type\` from @chatiq/contracts`,
        },
      ],
    }));
  },
};

/** Prints the bundle's size after every successful build. */
const reportPlugin = {
  name: 'chatiq-report',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const code = readFileSync(outfile);
      const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
      console.log(
        `widget: ${relative(root, outfile)} ${kib(code.length)} raw, ${kib(gzipSync(code, { level: 9 }).length)} gzip` +
          ` (default API ${apiUrl})`,
      );
    });
  },
};

const options = {
  absWorkingDir: root,
  entryPoints: ['src/loader.ts'],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  define: { __CHATIQ_API_URL__: JSON.stringify(apiUrl) },
  logLevel: 'warning',
  plugins: [noZodPlugin, reportPlugin],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('widget: watching src/ for changes');
} else {
  try {
    await esbuild.build(options);
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
}

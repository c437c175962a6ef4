// Builds the widget in two stages into public/:
//   public/widget.js                  the loader: a small IIFE with the stable name site owners embed
//   public/assets/chat-<hash>.js      the chat bundle, an ES module widget.js imports on first use;
//                                     its content hash in the name lets it be cached for good
// Stylesheets (src/**/*.css) are minified and bundled as text. After each build the sizes are
// printed and the budgets checked (scripts/sizes.mjs): the loader must stay within 2 KiB gzip
// (the build fails otherwise); an open chat over its 25 KiB budget is reported. `--watch`
// rebuilds on every change. The API URL the widget uses when the page gives none comes from
// CHATIQ_API_URL at build time.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUDGETS, describeSizes, widgetSizes } from './sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'public');
const assetsDir = join(publicDir, 'assets');
const watch = process.argv.includes('--watch');
const apiUrl = process.env.CHATIQ_API_URL || 'http://localhost:3000';
/** Browsers with ES modules and dynamic import() (the loader needs it to load the chat). */
const target = ['es2020'];

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

/** `import css from './x.css'`: the stylesheet, minified, as a string (injected into the shadow root). */
const cssTextPlugin = {
  name: 'chatiq-css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: ['chrome80', 'safari13.1', 'firefox72'],
      });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'browser',
  target,
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  define: { __CHATIQ_API_URL__: JSON.stringify(apiUrl) },
  logLevel: 'warning',
};

const chatOptions = {
  ...shared,
  entryPoints: { chat: 'src/chat-entry.ts' },
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  format: 'esm',
  // A module script is always read as UTF-8, so the Ukrainian strings need no \u escapes. (The
  // loader, a classic script, keeps esbuild's ASCII output: a page's own charset cannot garble it.)
  charset: 'utf8',
  metafile: true,
  plugins: [noZodPlugin, cssTextPlugin],
};

function loaderOptions(chatFile) {
  return {
    ...shared,
    entryPoints: ['src/loader.ts'],
    outfile: join(publicDir, 'widget.js'),
    format: 'iife',
    // No "use strict" prologue (tsconfig's strict adds it): the IIFE's compiled code does not need it.
    tsconfigRaw: {},
    define: { ...shared.define, __CHATIQ_CHAT_FILE__: JSON.stringify(chatFile) },
    plugins: [noZodPlugin, cssTextPlugin],
  };
}

/** `assets/chat-<hash>.js`, relative to widget.js, from the chat build's metafile. */
function chatFileOf(result) {
  const output = Object.entries(result.metafile.outputs).find(([, meta]) => meta.entryPoint === 'src/chat-entry.ts')?.[0];
  if (!output) throw new Error('the chat build produced no entry file');
  return relative(publicDir, join(root, output)).split('\\').join('/');
}

/** Deletes chat bundles of earlier builds (every name but the current one). */
function removeStaleChats(chatFile) {
  const current = chatFile.slice('assets/'.length);
  for (const name of readdirSync(assetsDir)) {
    if (/^chat-[A-Za-z0-9]+\.js(\.map)?$/.test(name) && name !== current && name !== `${current}.map`) rmSync(join(assetsDir, name));
  }
}

/** Prints the sizes; true when the loader is within its budget. */
function report() {
  const sizes = widgetSizes(publicDir);
  console.log(`${describeSizes(sizes)}\n(default API ${apiUrl})`);
  if (sizes.openChat.gz > BUDGETS.openChatGz) {
    console.warn(`widget: an open chat needs ${sizes.openChat.gz} B gzip, over its budget of ${BUDGETS.openChatGz} B`);
  }
  if (sizes.loader.gz > BUDGETS.loaderGz) {
    console.error(`widget: widget.js is ${sizes.loader.gz} B gzip, over its budget of ${BUDGETS.loaderGz} B`);
    return false;
  }
  return true;
}

if (watch) {
  let loaderContext;
  let loaderFor;
  const chatContext = await esbuild.context({
    ...chatOptions,
    plugins: [
      ...chatOptions.plugins,
      {
        name: 'chatiq-rebuild-loader',
        setup(build) {
          build.onEnd(async (result) => {
            if (result.errors.length > 0) return;
            const chatFile = chatFileOf(result);
            removeStaleChats(chatFile);
            if (chatFile !== loaderFor) {
              // The loader names the chat file: a new hash means a new loader build (and watcher).
              await loaderContext?.dispose();
              loaderFor = chatFile;
              loaderContext = await esbuild.context({
                ...loaderOptions(chatFile),
                plugins: [
                  ...loaderOptions(chatFile).plugins,
                  { name: 'chatiq-report', setup: (b) => b.onEnd((r) => r.errors.length === 0 && report()) },
                ],
              });
              await loaderContext.watch();
            }
          });
        },
      },
    ],
  });
  await chatContext.watch();
  console.log('widget: watching src/ for changes');
} else {
  try {
    const chatFile = chatFileOf(await esbuild.build(chatOptions));
    removeStaleChats(chatFile);
    await esbuild.build(loaderOptions(chatFile));
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
  if (!report()) process.exit(1);
}

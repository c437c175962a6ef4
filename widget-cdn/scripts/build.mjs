// Builds the widget in two stages into public/:
//   public/widget.js                  the loader: a small IIFE with the stable name site owners embed
//   public/assets/chat-<hash>.js      the chat bundle, one ES module widget.js imports on first use,
//   public/assets/<part>-<hash>.js    the lazy parts an ordinary open chat does not need (built
//   public/assets/chunk-<hash>.js     first, with the code they share with each other split off):
//                                     each language's strings (en, uk), attachments, offhours,
//                                     transcript, history (past conversations), preview. Content
//                                     hashes in the names let them be cached for good.
// Stylesheets (src/**/*.css) are minified and bundled as text. After each build the sizes are
// printed and the budgets checked (scripts/sizes.mjs): the build fails when the loader is over
// 2 KiB gzip or an open chat (loader + chat + one language) over 25 KiB. `--watch` rebuilds on
// every change. The API URL the widget uses when the page gives none comes from CHATIQ_API_URL at
// build time. The builds' metafile goes to widget-cdn/.build/chat-meta.json (what is in each
// file: `npx esbuild-visualizer` or https://esbuild.github.io/analyze/ read it).
import { mkdirSync, readdirSync, readFileSync, rmSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUDGETS, describeSizes, wideFiles, widgetSizes } from './sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'public');
const assetsDir = join(publicDir, 'assets');
const watch = process.argv.includes('--watch');
const apiUrl = process.env.CHATIQ_API_URL || 'http://localhost:3000';
/**
 * Browsers from 2023 on (Chrome 85, Firefox 101, Safari 16.4: ES modules, dynamic import(), `??=`,
 * class fields, constructable stylesheets: the widget's styles are adopted, which a page's strict
 * Content-Security-Policy allows), so the code ships as written, without helpers. The loader asks no
 * more of the browser than the chat does: an older browser shows no launcher rather than one that
 * cannot open.
 */
const loaderTarget = ['es2021'];
const chatTarget = ['es2022'];

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
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  define: { __CHATIQ_API_URL__: JSON.stringify(apiUrl) },
  logLevel: 'warning',
};

/**
 * The lazy parts, built first, on their own: what they share with each other goes into chunks of
 * their own, and what they share with the chat (small pure helpers: `el`, the e-mail check, the
 * retry rules) is copied into them rather than split off the chat, so an open chat is one file
 * (every extra file costs its own gzip frame and import lines).
 */
const LAZY_PARTS = {
  en: 'src/i18n/en.ts',
  uk: 'src/i18n/uk.ts',
  attachments: 'src/chat/attachments.ts',
  offhours: 'src/chat/offhours.ts',
  transcript: 'src/chat/transcript.ts',
  history: 'src/chat/history.ts',
  preview: 'src/preview/preview.ts',
};

const esmOptions = {
  ...shared,
  outdir: assetsDir,
  target: chatTarget,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  // A module script is always read as UTF-8, so the Ukrainian strings need no \u escapes. (The
  // loader, a classic script, keeps esbuild's ASCII output: a page's own charset cannot garble it.)
  charset: 'utf8',
  metafile: true,
};

const lazyOptions = {
  ...esmOptions,
  // Each `import()`ed module is an entry point, so its file is named after it (esbuild names the
  // chunks it splits off by itself chunk-…).
  entryPoints: LAZY_PARTS,
  splitting: true,
  plugins: [noZodPlugin, cssTextPlugin],
};

/** The lazy parts' files (`attachments-<hash>.js`, …) by their source path, from the lazy build's metafile. */
function lazyFilesOf(result) {
  const files = new Map();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) files.set(join(root, meta.entryPoint), relative(assetsDir, join(root, output)).split('\\').join('/'));
  }
  return files;
}

/** The chat: one file; its `import()`s of the lazy parts point at their built files. */
function chatOptions(lazyFiles) {
  return {
    ...esmOptions,
    entryPoints: { chat: 'src/chat-entry.ts' },
    plugins: [
      noZodPlugin,
      cssTextPlugin,
      {
        name: 'chatiq-lazy-parts',
        setup(build) {
          build.onResolve({ filter: /./ }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            const source = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
            const file = lazyFiles.get(source);
            if (!file)
              return {
                errors: [{ text: `${args.path} is imported lazily but is not one of the lazy parts (LAZY_PARTS in scripts/build.mjs)` }],
              };
            return { path: `./${file}`, external: true };
          });
        },
      },
    ],
  };
}

function loaderOptions(chatFile) {
  return {
    ...shared,
    entryPoints: ['src/loader.ts'],
    outfile: join(publicDir, 'widget.js'),
    format: 'iife',
    target: loaderTarget,
    // No "use strict" prologue (tsconfig's strict adds it): the IIFE's compiled code does not need it.
    tsconfigRaw: {},
    define: { ...shared.define, __CHATIQ_CHAT_FILE__: JSON.stringify(chatFile) },
    // The map without the `//# sourceMappingURL` line: its bytes would ship with every page view.
    sourcemap: 'external',
    plugins: [noZodPlugin, cssTextPlugin],
  };
}

/** `assets/chat-<hash>.js`, relative to widget.js, from the chat build's metafile. */
function chatFileOf(result) {
  const output = Object.entries(result.metafile.outputs).find(([, meta]) => meta.entryPoint === 'src/chat-entry.ts')?.[0];
  if (!output) throw new Error('the chat build produced no entry file');
  return relative(publicDir, join(root, output)).split('\\').join('/');
}

/** Deletes what earlier builds left in assets/ (every file these builds did not write), and keeps the metafiles. */
function removeStaleAssets(results) {
  const outputs = Object.assign({}, ...results.map((result) => result.metafile.outputs));
  const inputs = Object.assign({}, ...results.map((result) => result.metafile.inputs));
  const current = new Set(Object.keys(outputs).map((output) => relative(assetsDir, join(root, output))));
  for (const name of readdirSync(assetsDir)) {
    if (!current.has(name)) rmSync(join(assetsDir, name));
  }
  mkdirSync(join(root, '.build'), { recursive: true });
  writeFileSync(join(root, '.build', 'chat-meta.json'), JSON.stringify({ inputs, outputs }));
}

/** Prints the sizes; true when the loader and an open chat are within their budgets. */
function report() {
  const sizes = widgetSizes(publicDir);
  console.log(`${describeSizes(sizes)}\n(default API ${apiUrl})`);
  let ok = true;
  if (sizes.openChat.gz > BUDGETS.openChatGz) {
    console.error(`widget: an open chat needs ${sizes.openChat.gz} B gzip, over its budget of ${BUDGETS.openChatGz} B`);
    ok = false;
  }
  // The chat's own files stay Latin-1 (the languages' strings are chunks of their own): see wideFiles.
  for (const { file, char, context } of wideFiles(publicDir, sizes.core.files)) {
    const code = `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    console.error(
      `widget: ${file} has ${JSON.stringify(char)} (${code}) in ${JSON.stringify(context)}: the page would keep the file as UTF-16, twice its size; write it in ASCII or move it into the strings (src/i18n/)`,
    );
    ok = false;
  }
  if (sizes.loader.gz > BUDGETS.loaderGz) {
    console.error(`widget: widget.js is ${sizes.loader.gz} B gzip, over its budget of ${BUDGETS.loaderGz} B`);
    ok = false;
  }
  return ok;
}

/** The lazy parts, then the chat that names them, then the loader that names the chat. */
async function buildAll() {
  const lazyResult = await esbuild.build(lazyOptions);
  const chatResult = await esbuild.build(chatOptions(lazyFilesOf(lazyResult)));
  removeStaleAssets([lazyResult, chatResult]);
  await esbuild.build(loaderOptions(chatFileOf(chatResult)));
}

if (watch) {
  // Every change rebuilds the whole widget (a second at most): the chat names the lazy parts'
  // hashed files and the loader the chat's, so a change anywhere can rename what another file names.
  let timer;
  const rebuild = () =>
    buildAll().then(
      () => report(),
      () => {}, // esbuild has printed the errors
    );
  await rebuild();
  watchFiles(join(root, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
  console.log('widget: watching src/ for changes');
} else {
  try {
    await buildAll();
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
  if (!report()) process.exit(1);
}

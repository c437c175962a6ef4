// Builds the widget in two stages into public/:
//   public/widget.js                  the loader: a small IIFE with the stable name site owners embed
//   public/assets/chat-<hash>.js      the chat bundle, an ES module widget.js imports on first use,
//   public/assets/chunk-<hash>.js     with the code it shares with its lazy parts (esbuild splitting),
//   public/assets/<part>-<hash>.js    and the lazy parts an ordinary open chat does not need: each
//                                     language's strings (en, uk), attachments, offhours, transcript,
//                                     history (past conversations),
//                                     preview. Content hashes in the names let them be cached for good.
// Stylesheets (src/**/*.css) are minified and bundled as text. After each build the sizes are
// printed and the budgets checked (scripts/sizes.mjs): the build fails when the loader is over
// 2 KiB gzip or an open chat (loader + chat + one language) over 25 KiB. `--watch` rebuilds on
// every change. The API URL the widget uses when the page gives none comes from CHATIQ_API_URL at
// build time. The chat build's metafile goes to widget-cdn/.build/chat-meta.json (what is in each
// file: `npx esbuild-visualizer` or https://esbuild.github.io/analyze/ read it).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const chatOptions = {
  ...shared,
  // The chat and its lazy parts: each `import()`ed module is an entry point too, so its file is
  // named after it (esbuild names the chunks it splits off by itself chunk-…).
  entryPoints: {
    chat: 'src/chat-entry.ts',
    en: 'src/i18n/en.ts',
    uk: 'src/i18n/uk.ts',
    attachments: 'src/chat/attachments.ts',
    offhours: 'src/chat/offhours.ts',
    transcript: 'src/chat/transcript.ts',
    history: 'src/chat/history.ts',
    preview: 'src/preview/preview.ts',
  },
  outdir: assetsDir,
  target: chatTarget,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
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

/** Deletes what earlier builds left in assets/ (every file this build did not write), and keeps the metafile. */
function removeStaleAssets(result) {
  const current = new Set(Object.keys(result.metafile.outputs).map((output) => relative(assetsDir, join(root, output))));
  for (const name of readdirSync(assetsDir)) {
    if (!current.has(name)) rmSync(join(assetsDir, name));
  }
  mkdirSync(join(root, '.build'), { recursive: true });
  writeFileSync(join(root, '.build', 'chat-meta.json'), JSON.stringify(result.metafile));
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
            removeStaleAssets(result);
            if (chatFile !== loaderFor) {
              // The loader names the chat file: a new hash means a new loader build (and watcher).
              await loaderContext?.dispose();
              loaderFor = chatFile;
              loaderContext = await esbuild.context({
                ...loaderOptions(chatFile),
                plugins: [
                  ...loaderOptions(chatFile).plugins,
                  {
                    name: 'chatiq-report',
                    setup: (b) =>
                      b.onEnd((r) => {
                        if (r.errors.length === 0) report();
                      }),
                  },
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
    const result = await esbuild.build(chatOptions);
    removeStaleAssets(result);
    await esbuild.build(loaderOptions(chatFileOf(result)));
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
  if (!report()) process.exit(1);
}

// Sizes of the built widget, shared by the build's budget check and `pnpm bench:widget`, read from
// public/ alone: widget.js names the chat bundle (assets/chat-<hash>.js); the bundle's files name
// each other (`import … from "./chunk-….js"` statically, `import("./en-….js")` lazily).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets from issue 5: the loader, and everything an open chat needs (loader + JS + CSS; the CSS is inside the JS). */
export const BUDGETS = { loaderGz: 2 * 1024, openChatGz: 25 * 1024 };

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gz: gzipSync(bytes, { level: 9 }).length,
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (sizes) => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }), { raw: 0, gz: 0, br: 0 });

/**
 * The first character above U+00FF in each of `files` (paths under public/), for those that have
 * one. Chromium keeps every script's source in memory for as long as the page lives (for lazy
 * compilation), as Latin-1 when it can and as UTF-16 otherwise: one such character, even in a
 * console message, doubles what the whole file costs the page's heap.
 */
export function wideFiles(publicDir, files) {
  const wide = [];
  for (const file of files) {
    const code = readFileSync(join(publicDir, file), 'utf8');
    const at = code.search(/[\u0100-\u{10ffff}]/u);
    if (at >= 0) wide.push({ file, char: code[at], context: code.slice(Math.max(0, at - 30), at + 10) });
  }
  return wide;
}

/** The chat bundle widget.js loads: the one `assets/chat-<hash>.js` named in widget.js. */
export function chatBundleName(publicDir) {
  const loader = readFileSync(join(publicDir, 'widget.js'), 'utf8');
  const named = /assets\/chat-[A-Za-z0-9]+\.js/.exec(loader)?.[0];
  if (!named) throw new Error('widget.js names no assets/chat-<hash>.js: build the widget first');
  if (!existsSync(join(publicDir, named))) throw new Error(`${named} is missing`);
  return named;
}

/** The files a module imports: statically (loaded with it) and lazily (`import()`), as paths under public/. */
function importsOf(publicDir, file) {
  const code = readFileSync(join(publicDir, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const staticImports = [...code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{},\s]+from\s*)?"\.\/([^"]+)"/g)].map((m) => dir + m[1]);
  const lazyImports = [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => dir + m[1]);
  return { staticImports, lazyImports };
}

/** A module and everything it imports statically. */
function staticClosure(publicDir, file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const dependency of importsOf(publicDir, file).staticImports) staticClosure(publicDir, dependency, into);
  return into;
}

/**
 * Raw, gzip and brotli sizes of the loader, of the chat bundle with what it imports statically
 * (`core`), of each lazy chunk (what `import()` adds beyond the core: a language's strings, the
 * attachments, the off-hours notice and email prompt, the transcript form, the preview), and of an open chat as the
 * files say: loader + core + the larger language. `pnpm bench:widget` also measures what a browser
 * really fetches when the chat opens.
 */
export function widgetSizes(publicDir) {
  const size = (file) => compressedSizes(readFileSync(join(publicDir, file)));
  const chatFile = chatBundleName(publicDir);
  const loader = size('widget.js');
  const coreFiles = [...staticClosure(publicDir, chatFile)];
  const core = sum(coreFiles.map(size));
  const lazyTargets = new Set();
  const visit = (file, seen = new Set()) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { staticImports, lazyImports } = importsOf(publicDir, file);
    for (const target of lazyImports) lazyTargets.add(target);
    for (const next of [...staticImports, ...lazyImports]) visit(next, seen);
  };
  visit(chatFile);
  const lazy = {};
  for (const target of lazyTargets) {
    const files = [...staticClosure(publicDir, target)].filter((file) => !coreFiles.includes(file));
    const name = target.replace(/^assets\//, '').replace(/-[A-Z0-9]{8}\.js$/, '');
    lazy[name] = { files, ...sum(files.map(size)) };
  }
  const languages = Object.entries(lazy).filter(([name]) => name === 'en' || name === 'uk');
  const largestLanguage = languages.reduce((a, [, b]) => (b.gz > a.gz ? b : a), { raw: 0, gz: 0, br: 0 });
  return {
    chatFile,
    loader,
    core: { files: coreFiles, ...core },
    lazy,
    openChat: sum([loader, core, largestLanguage]),
    allAssets: readdirSync(join(publicDir, 'assets')).filter((name) => name.endsWith('.js')),
  };
}

/** A few lines for the build's output. */
export function describeSizes(sizes) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;
  const line = (name, s) => `${name}: ${kib(s.raw)} raw, ${kib(s.gz)} gzip, ${kib(s.br)} brotli`;
  return [
    line('widget.js (loader)', sizes.loader),
    line(`chat (${sizes.core.files.join(' + ')})`, sizes.core),
    ...Object.entries(sizes.lazy).map(([name, s]) => line(`  lazy ${name} (${s.files.join(' + ') || 'in the chat'})`, s)),
    line('open chat (loader + chat + one language)', sizes.openChat),
  ].join('\n');
}

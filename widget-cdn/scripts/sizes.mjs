// Sizes of the built widget, shared by the build's budget check and `pnpm bench:widget`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets from issue 5: the loader, and everything an open chat needs (JS + CSS; the CSS is inside the JS). */
export const BUDGETS = { loaderGz: 2 * 1024, openChatGz: 25 * 1024 };

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gz: gzipSync(bytes, { level: 9 }).length,
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The chat bundle widget.js loads: the one `assets/chat-<hash>.js` named in widget.js. */
export function chatBundleName(publicDir) {
  const loader = readFileSync(join(publicDir, 'widget.js'), 'utf8');
  const named = /assets\/chat-[A-Za-z0-9]+\.js/.exec(loader)?.[0];
  if (!named) throw new Error('widget.js names no assets/chat-<hash>.js: build the widget first');
  if (!readdirSync(join(publicDir, 'assets')).includes(named.slice('assets/'.length))) throw new Error(`${named} is missing`);
  return named;
}

/** Raw, gzip and brotli sizes of the loader, the chat bundle, and both (an open chat). */
export function widgetSizes(publicDir) {
  const chatFile = chatBundleName(publicDir);
  const loader = compressedSizes(readFileSync(join(publicDir, 'widget.js')));
  const chat = compressedSizes(readFileSync(join(publicDir, chatFile)));
  return {
    chatFile,
    loader,
    chat,
    openChat: { raw: loader.raw + chat.raw, gz: loader.gz + chat.gz, br: loader.br + chat.br },
  };
}

/** One line per file for the build's output. */
export function describeSizes(sizes) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;
  const line = (name, s) => `${name} ${kib(s.raw)} raw, ${kib(s.gz)} gzip, ${kib(s.br)} brotli`;
  return [
    line('widget.js (loader)', sizes.loader),
    line(`${sizes.chatFile} (chat)`, sizes.chat),
    line('open chat (both)', sizes.openChat),
  ].join('\n');
}

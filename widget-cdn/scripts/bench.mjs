#!/usr/bin/env node
// Widget benchmark (`pnpm bench:widget`, after `pnpm --filter @chatiq/widget-cdn build`). Prints one
// JSON object:
//   loaderRaw / loaderGz / loaderBr       widget.js, the loader every page view downloads (budget 2 KiB gz)
//   chatRaw / chatGz / chatBr             assets/chat-<hash>.js, the chat bundle (JS and CSS in one file)
//   openChatGz / openChatBr               both: everything an open chat needs (budget 25 KiB gz)
//   bubbleMs                              time from widget.js's bytes having arrived to the launcher
//                                         bubble drawn (the frame after it is in the DOM), median of
//                                         BENCH_RUNS (15) page loads in headless Chromium over a local
//                                         server; null when no Chromium / playwright-core is found
//   bubbleMsRuns                          every run, for the spread
// Sizes are of the files as built (gzip -9, brotli -11). Nothing is asserted: budgets are reported.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { BUDGETS, widgetSizes } from './sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'public');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const log = (...args) => console.error('[bench:widget]', ...args);

/** A page with the recommended snippet; the API URL points nowhere: the loader never calls it. */
const BENCH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<p>A page.</p>
<script>
  new MutationObserver((_, observer) => {
    if (!document.getElementById('chatiq-widget-host')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__bubbleAt = performance.now()));
  }).observe(document.body, { childList: true });
  window.chtq = { siteId: 'bench_site', apiUrl: 'http://127.0.0.1:9' };
</script>
<script src="/widget.js"></script>
</body></html>`;

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // next
    }
  }
  return null;
}

/** playwright-core from the workspace's browser tests (e2e/), which already depend on it. */
function loadPlaywright() {
  try {
    return createRequire(path.join(root, '..', 'e2e', 'package.json'))('playwright-core');
  } catch {
    return null;
  }
}

async function measureBubble() {
  const executablePath = chromiumPath();
  const playwright = loadPlaywright();
  if (!executablePath || !playwright) {
    log('no Chromium or playwright-core: bubbleMs not measured');
    return null;
  }
  const serve = sirv(publicDir, { dev: true });
  const server = createServer((req, res) => {
    if (req.url === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(BENCH_PAGE);
      return;
    }
    serve(req, res, () => res.writeHead(404).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/bench.html`;
  const browser = await playwright.chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.__bubbleAt !== undefined);
      const ms = await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/widget.js'));
        return window.__bubbleAt - script.responseEnd;
      });
      runs.push(Math.round(ms * 10) / 10);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return runs;
}

const sizes = widgetSizes(publicDir);
const runs = await measureBubble();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  JSON.stringify(
    {
      loaderRaw: sizes.loader.raw,
      loaderGz: sizes.loader.gz,
      loaderBr: sizes.loader.br,
      chatFile: sizes.chatFile,
      chatRaw: sizes.chat.raw,
      chatGz: sizes.chat.gz,
      chatBr: sizes.chat.br,
      openChatGz: sizes.openChat.gz,
      openChatBr: sizes.openChat.br,
      budgets: { loaderGz: BUDGETS.loaderGz, openChatGz: BUDGETS.openChatGz, bubbleMs: 50 },
      bubbleMs: runs ? median(runs) : null,
      bubbleMsRuns: runs,
    },
    null,
    2,
  ),
);

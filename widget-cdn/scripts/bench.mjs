#!/usr/bin/env node
// Widget benchmark (`pnpm bench:widget`, after `pnpm --filter @chatiq/widget-cdn build`). Prints one
// JSON object:
//   loaderRaw / loaderGz / loaderBr       widget.js, the loader every page view downloads (budget 2 KiB gz)
//   openChatGz / openChatBr / openChatRaw everything the browser fetched from the widget's server to
//                                         open the chat (widget.js + the chat's JS, its CSS inside),
//                                         measured in headless Chromium: a local page, the launcher
//                                         clicked, the panel open, the network quiet (budget 25 KiB gz)
//   openChatFiles                         those files
//   openChatStaticGz                      the same from the files alone (loader + chat + one language)
//   lazy                                  each lazy chunk (not fetched for an ordinary open chat):
//                                         gz / br / raw beyond the chat, and its files
//   bubbleMs                              time from widget.js's bytes having arrived to the launcher
//                                         bubble drawn (the frame after it is in the DOM): parsing and
//                                         running the loader and its one request to the API (the
//                                         launcher's look; each load in a fresh browser context, so
//                                         never from the browser's cache) included; median of
//                                         BENCH_RUNS (15) loads
//   bubbleMsRuns                          every run, for the spread
//   openHeapKB                            what opening the chat keeps in the page's memory: a heap
//                                         snapshot's total (V8 and the browser objects it holds: the
//                                         panel's DOM and styles, the scripts' sources) after full
//                                         garbage collections, launcher drawn → chat open and the
//                                         network quiet; median of BENCH_HEAP_RUNS (5) pages
//   openJsHeapKB                          the same in V8's used heap alone (CDP Runtime.getHeapUsage)
//   openHeapKBRuns / openJsHeapKBRuns     every run
// The widget talks to BENCH_API_URL (with BENCH_SITE_ID, default site_demo) when given: a running
// API whose site allows the bench page's origin (http://127.0.0.1:<port>). Without it the bench
// starts the built API over a fresh database (api-server/bench/bench-support.mjs) with a site
// that accepts any page (widget.js draws nothing without the API's answer).
// Sizes are of the files as served (gzip -9, brotli -11). Nothing is asserted: budgets are reported.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { BUDGETS, compressedSizes, widgetSizes } from './sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'public');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const HEAP_RUNS = Number(process.env.BENCH_HEAP_RUNS ?? 5);
const log = (...args) => console.error('[bench:widget]', ...args);
let API_URL = process.env.BENCH_API_URL;
let SITE_ID = process.env.BENCH_SITE_ID ?? 'site_demo';
let ownApi = null;
if (!API_URL) {
  const { seedOwnerAndSite, startBenchApi } = await import('../../api-server/bench/bench-support.mjs');
  log('starting the built API over a fresh database');
  ownApi = await startBenchApi({ dbPrefix: 'bench_widget', env: { WIDGET_RATE_LIMIT: '100000' }, log });
  API_URL = ownApi.url;
  SITE_ID = (await seedOwnerAndSite(API_URL)).site.publicId;
}

/** A page with the recommended snippet (the widget's language fixed, so every run fetches the same strings). */
const page = (siteId, apiUrl) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<p>A page.</p>
<script>
  new MutationObserver((_, observer) => {
    if (!document.getElementById('chatiq-widget-host')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__bubbleAt = performance.now()));
  }).observe(document.documentElement, { childList: true }); // the host goes after <body>
  window.chtq = { siteId: ${JSON.stringify(siteId)}, apiUrl: ${JSON.stringify(apiUrl)}, language: 'en' };
</script>
<script async src="/widget.js"></script>
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

async function withBrowser(run) {
  const executablePath = chromiumPath();
  const playwright = loadPlaywright();
  if (!executablePath || !playwright) {
    log('no Chromium or playwright-core: nothing measured in a browser');
    return null;
  }
  const serve = sirv(publicDir, { dev: true });
  const server = createServer((req, res) => {
    if (req.url === '/bench.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(SITE_ID, API_URL));
      return;
    }
    serve(req, res, () => res.writeHead(404).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await playwright.chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return await run(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
}

async function measureBubble(browser, origin) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${origin}/bench.html`);
    await tab.waitForFunction(() => window.__bubbleAt !== undefined);
    const ms = await tab.evaluate(() => {
      const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/widget.js'));
      return window.__bubbleAt - script.responseEnd;
    });
    runs.push(Math.round(ms * 10) / 10);
    await context.close();
  }
  return runs;
}

/** Opens the chat and lists every file the widget fetched from its server until the network is quiet. */
async function measureOpenChat(browser, origin) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const fetched = new Set();
  let lastAt = Date.now();
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && url.pathname !== '/bench.html') {
      fetched.add(url.pathname.slice(1));
      lastAt = Date.now();
    }
  });
  await tab.goto(`${origin}/bench.html`);
  await tab.locator('.chatiq-launcher').click();
  await tab.locator('.chatiq-panel').waitFor({ state: 'visible', timeout: 10_000 });
  await tab.locator('.chatiq-input').waitFor({ state: 'visible' });
  while (Date.now() - lastAt < 1_000) await new Promise((resolve) => setTimeout(resolve, 100));
  const banner = await tab.locator('.chatiq-banner').textContent();
  await context.close();
  return { files: [...fetched].sort(), banner };
}

/** The page's heap after full garbage collections: V8's used heap and a heap snapshot's total (as DevTools counts it). */
async function pageHeap(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  let total = 0;
  for (let i = fields.indexOf('self_size'); i < nodes.length; i += fields.length) total += nodes[i];
  return { jsHeap: usedSize, snapshot: total };
}

/** What opening the chat keeps in the page's memory (KB), on fresh pages. */
async function measureOpenHeap(browser, origin) {
  const runs = { snapshot: [], jsHeap: [] };
  for (let i = 0; i < HEAP_RUNS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    let lastAt = Date.now();
    tab.on('request', () => (lastAt = Date.now()));
    await tab.goto(`${origin}/bench.html`);
    await tab.locator('.chatiq-launcher').waitFor();
    const before = await pageHeap(cdp);
    await tab.locator('.chatiq-launcher').click();
    await tab.locator('.chatiq-input').waitFor({ state: 'visible', timeout: 10_000 });
    while (Date.now() - lastAt < 1_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await pageHeap(cdp);
    runs.snapshot.push(Math.round((after.snapshot - before.snapshot) / 1024));
    runs.jsHeap.push(Math.round((after.jsHeap - before.jsHeap) / 1024));
    await context.close();
  }
  return runs;
}

const sizes = widgetSizes(publicDir);
const measured = await withBrowser(async (browser, origin) => ({
  bubble: await measureBubble(browser, origin),
  open: await measureOpenChat(browser, origin),
  heap: await measureOpenHeap(browser, origin),
})).finally(() => ownApi?.stop());
const openChat = measured
  ? measured.open.files
      .map((file) => compressedSizes(readFileSync(path.join(publicDir, file))))
      .reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }), { raw: 0, gz: 0, br: 0 })
  : null;
if (measured) log(`open chat against ${API_URL}: banner ${JSON.stringify(measured.open.banner)}`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lazy = Object.fromEntries(
  Object.entries(sizes.lazy).map(([name, s]) => [
    name,
    { gz: s.gz, br: s.br, raw: s.raw, files: s.files, fetchedWithOpenChat: s.files.every((f) => measured?.open.files.includes(f)) },
  ]),
);
console.log(
  JSON.stringify(
    {
      loaderRaw: sizes.loader.raw,
      loaderGz: sizes.loader.gz,
      loaderBr: sizes.loader.br,
      openChatGz: openChat?.gz ?? null,
      openChatBr: openChat?.br ?? null,
      openChatRaw: openChat?.raw ?? null,
      openChatFiles: measured?.open.files ?? null,
      openChatStaticGz: sizes.openChat.gz,
      openChatStaticBr: sizes.openChat.br,
      lazy,
      budgets: { loaderGz: BUDGETS.loaderGz, openChatGz: BUDGETS.openChatGz, bubbleMs: 50 },
      bubbleMs: measured ? median(measured.bubble) : null,
      bubbleMsRuns: measured?.bubble ?? null,
      openHeapKB: measured ? median(measured.heap.snapshot) : null,
      openJsHeapKB: measured ? median(measured.heap.jsHeap) : null,
      openHeapKBRuns: measured?.heap.snapshot ?? null,
      openJsHeapKBRuns: measured?.heap.jsHeap ?? null,
    },
    null,
    2,
  ),
);

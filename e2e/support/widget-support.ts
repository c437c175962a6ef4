// Helpers for the widget's browser tests: a fresh organization with a site that allows the widget
// server's origin, the demo page's address for it, a visitor's page whose console warnings are
// kept, an operator's Socket.IO client, REST calls, and an API of the test's own over a database
// it may write to.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type Ack,
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  CONTRACT_VERSION,
  type CreatedSiteDto,
} from '@chatiq/contracts';
import { acquireTestServer, createDatabase, dropDatabase, freePort, uniqueDatabaseName } from '@chatiq/dev-postgres';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { createSite, type Owner, registerOwner } from './accounts.js';
import { repoRoot, resultsDir } from './system.js';

export type AdminClient = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;
export type WidgetTestSite = { owner: Owner; site: CreatedSiteDto };

/** A new organization (its own settings) with one site whose allowed origin is the widget server. */
export async function widgetTestSite(apiUrl: string, widgetUrl: string, label: string): Promise<WidgetTestSite> {
  const owner = await registerOwner(apiUrl, label);
  const site = await createSite(apiUrl, owner.token, `Widget ${label}`, [widgetUrl]);
  return { owner, site };
}

/** The widget-cdn demo page embedding the widget for `siteId` (see public/index.html for the options). */
export function demoPageUrl(widgetUrl: string, apiUrl: string, siteId: string, options: Record<string, string> = {}): string {
  const query = new URLSearchParams({ siteId, apiUrl, language: 'en', ...options });
  return `${widgetUrl}/?${query}`;
}

export type VisitorPage = Page & { warnings: string[] };

/** A page in a fresh browser context (a new visitor); its console warnings and errors are kept and printed. */
export async function visitorPage(browser: Browser, name: string, options: BrowserContextOptions = {}): Promise<VisitorPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
  return watchedPage(await context.newPage(), name);
}

/** Keeps (and prints) a page's console warnings and errors. */
export function watchedPage(page: Page, name: string): VisitorPage {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    warnings.push(m.text());
    console.log(`[${name} console] ${m.type()}: ${m.text()}`);
  });
  return Object.assign(page, { warnings });
}

/** An operator's socket on /admin, connected. */
export async function connectAdmin(apiUrl: string, token: string): Promise<AdminClient> {
  const socket: AdminClient = io(`${apiUrl}${ADMIN_NAMESPACE}`, {
    auth: { token, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits an admin event and returns its ack's data (throws on a refusal). */
export async function emitOk<T>(socket: AdminClient, event: keyof AdminClientToServerEvents, payload: unknown): Promise<T> {
  const ack = (await (socket.timeout(10_000) as unknown as Socket).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
  return ack.data;
}

/** The first `event` on the operator's socket that `match`es, or a rejection after `timeoutMs`. */
export function nextEvent<T>(
  admin: AdminClient | Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  const socket = admin as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** A REST call; throws with the answer when the status is not the expected one (201 for POST, else 200). */
export async function rest<T>(
  apiUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; form?: FormData; expect?: number } = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  const expected = options.expect ?? (method === 'POST' ? 201 : 200);
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}

/** Opens the widget on `page` (already on a page with the widget) and waits for the chat to be connected. */
export async function openWidget(page: Page): Promise<void> {
  await page.locator('.chatiq-launcher').click();
  await page.locator('.chatiq-panel').waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.chatiq-banner').waitFor({ state: 'hidden', timeout: 10_000 }); // "Connecting…" gone
}

/** Sends a message from the widget's composer and waits until the server stored it. */
export async function sendFromWidget(page: Page, text: string): Promise<void> {
  await page.locator('.chatiq-input').fill(text);
  await page.locator('.chatiq-send').click();
  await page.locator('.chatiq-msg[data-author="visitor"][data-status="sent"]', { hasText: text }).waitFor({ timeout: 10_000 });
}

/** The id of the element focused inside the widget's shadow root (null when the focus is elsewhere). */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.getElementById('chatiq-widget-host')?.shadowRoot?.activeElement;
    return active
      ? `${active.tagName.toLowerCase()}${active.getAttribute('name') ? `[name=${active.getAttribute('name')}]` : ''}${active.className ? `.${String(active.className).split(' ').join('.')}` : ''}`
      : null;
  });
}

/**
 * Puts `html` on `page` as a page of `origin` (the widget server's, which the test sites allow, or
 * the admin panel's): the page first loads a real address of that origin (its health check), then
 * gets the test's markup (`setContent`), so a test can embed the widget its own way. (A page made
 * up by `page.route` would not do: Chromium counts it as public, and blocks its requests to the
 * loopback address the API listens on — Local Network Access.)
 */
export async function openTestPage(page: Page, origin: string, html: string): Promise<void> {
  await page.route(`${origin}/favicon.ico`, (route) => route.fulfill({ status: 204 })); // not the test's 404
  const health = (await fetch(`${origin}/health`, { method: 'HEAD' }).catch(() => null))?.ok ? '/health' : '/api/health';
  await page.goto(`${origin}${health}`);
  await page.setContent(html, { waitUntil: 'load' });
}

/**
 * The one request widget.js makes of the API before the visitor opens the chat: the launcher's look
 * (`GET /widget/sites/:id/settings?…`, no cookie; the answer also says whether the site exists and
 * allows the page).
 */
export function expectOnlyLauncherLook(apiUrl: string, apiRequests: string[]): void {
  expect(apiRequests).toHaveLength(1);
  expect(apiRequests[0]?.startsWith(`${apiUrl}/widget/sites/`) && apiRequests[0].includes('/settings?')).toBe(true);
}

/** What `recordRequests` gives: every URL requested so far, and those to one origin. */
export type RecordedRequests = { urls: () => string[]; to: (origin: string) => string[] };

/**
 * Every URL the page (and its frames) requested, as they come, WebSocket connections included
 * (`to('http://api')` also matches `ws://api/…`).
 */
export function recordRequests(page: Page): RecordedRequests {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    urls: () => [...urls],
    to: (origin) => urls.filter((url) => url.startsWith(origin) || url.startsWith(origin.replace(/^http/, 'ws'))),
  };
}

/**
 * A barrier for "the page requested nothing more": the page fetches a sentinel URL of `origin`
 * (whose /health answers) and this resolves once the recording saw it. The browser reports a
 * page's requests in the order they were started, so every request started before the call is
 * in `requests` by then.
 */
export async function afterPageRequests(page: Page, requests: RecordedRequests, origin: string): Promise<void> {
  const sentinel = `${origin}/health?sentinel=${Math.random().toString(36).slice(2)}`;
  await page.evaluate((url) => void fetch(url, { method: 'HEAD' }).catch(() => {}), sentinel);
  await expect.poll(() => requests.urls().includes(sentinel), { timeout: 5_000 }).toBe(true);
}

/** What the SDK's listeners saw on a page that recorded them in `window.__events` (see sdkPage). */
export function sdkEvents(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __events: unknown[] }).__events);
}

/**
 * A page embedding the widget with `window.chtq = { ...config }`, whose SDK listeners (queued in
 * `chtq.q` before widget.js runs) record every event in `window.__events`: 'ready', 'open',
 * 'close' as strings, messages as `['message', payload]`. `window.__onMessage` is the message
 * listener (for `chtq.off`).
 */
export function sdkPageHtml(config: Record<string, unknown>, before = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SDK page</title></head><body>
<h1>Shop</h1><p>A page with the widget.</p>
<script>
  window.__events = [];
  window.__onMessage = (message) => window.__events.push(['message', message]);
  window.chtq = Object.assign(${JSON.stringify(config)}, {
    q: [
      ['on', 'ready', () => window.__events.push('ready')],
      ['on', 'open', () => window.__events.push('open')],
      ['on', 'close', () => window.__events.push('close')],
      ['on', 'message', window.__onMessage],
    ],
  });
  ${before}
</script>
<script async src="/widget.js"></script>
</body></html>`;
}

/** The API of a test's own (`startOwnApi`), and SQL on its database. */
export type OwnApi = {
  apiUrl: string;
  sql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  stop: () => Promise<void>;
};

/** The part of `pg` used here (the e2e package has no types for it; it comes with @chatiq/dev-postgres). */
type PgClient = {
  connect(): Promise<unknown>;
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
};

/**
 * A second API, the built one as the shared system runs it, over a fresh database of its own that
 * the test may write to with `sql`: for what no route can make, such as messages dated days ago.
 * (A test file cannot reach the shared system's database.) Its log: e2e/test-results/logs/api-<label>.log.
 */
export async function startOwnApi(label: string): Promise<OwnApi> {
  const server = await acquireTestServer();
  const name = uniqueDatabaseName(`chatiq_e2e_${label.replace(/\W/g, '_')}`);
  const databaseUrl = await createDatabase(server.url, name);
  const apiDir = path.join(repoRoot, 'api-server');
  execFileSync(path.join(apiDir, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  mkdirSync(path.join(resultsDir, 'logs'), { recursive: true });
  const log = createWriteStream(path.join(resultsDir, 'logs', `api-${label}.log`));
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'e2e-own-api-secret-e2e-own-api-secret',
      BCRYPT_ROUNDS: '4',
      NODE_ENV: 'production',
      AUTH_RATE_LIMIT: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await dropDatabase(server.url, name);
    await server.stop();
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the test's API exited with ${child.exitCode}; see e2e/test-results/logs/api-${label}.log`);
    }
    if ((await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null))?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the test's API was not healthy within 90 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pg = createRequire(path.join(repoRoot, 'packages', 'dev-postgres', 'package.json'))('pg') as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  const sql = async (text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  return { apiUrl, sql, stop };
}

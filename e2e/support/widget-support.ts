// Helpers for the widget's browser tests: a fresh organization with a site that allows the widget
// server's origin, the demo page's address for it, a visitor's page whose console warnings are
// kept, an operator's Socket.IO client, and REST calls.
import {
  type Ack,
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  CONTRACT_VERSION,
  type CreatedSiteDto,
} from '@chatiq/contracts';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { createSite, type Owner, registerOwner } from './accounts.js';

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
  admin: AdminClient,
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

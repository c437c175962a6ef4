// Helpers for the inbox browser tests: REST calls as a demo user, signing in the browser, and a
// visitor speaking the widget protocol over a real Socket.IO connection (for what the widget page
// does not show, such as attachments).

import { randomUUID } from 'node:crypto';
import {
  type AuthResponse,
  CONTRACT_VERSION,
  type MessageDto,
  type SiteDto,
  WIDGET_NAMESPACE,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@chatiq/contracts';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';

export const DEMO_OWNER = { email: 'owner@demo.chatiq.dev', password: 'demo-owner-123', name: 'Olena Owner' };
export const DEMO_OPERATOR = { email: 'operator@demo.chatiq.dev', password: 'demo-operator-123', name: 'Oleh Operator' };

/** A REST call to the API; throws with the body when the status is not the expected one. */
export async function call<T>(
  apiUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const expected = options.expect ?? (method === 'POST' ? 201 : 200);
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return body as T;
}

export async function login(apiUrl: string, user: { email: string; password: string }): Promise<AuthResponse> {
  return call<AuthResponse>(apiUrl, 'POST', '/auth/login', { body: { email: user.email, password: user.password }, expect: 200 });
}

export async function demoSite(apiUrl: string, token: string): Promise<SiteDto> {
  const sites = await call<SiteDto[]>(apiUrl, 'GET', '/sites', { token });
  const site = sites.find((s) => s.publicId === 'site_demo');
  if (!site) throw new Error('no demo site');
  return site;
}

/** Signs in on the admin panel's login page and waits for the inbox to be live. */
export async function signIn(page: Page, adminUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${adminUrl}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${adminUrl}/inbox`);
  await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
}

export type Visitor = {
  socket: Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;
  visitorId: string;
  /** Every message the operators sent (`admin:message`), in arrival order. */
  received: MessageDto[];
  /** Every event by name, in arrival order. */
  events: { event: string; payload: unknown }[];
  say: (text: string) => Promise<MessageDto>;
  close: () => void;
};

/**
 * A visitor on a site's page (Origin `origin`), joined, optionally introduced by name; `options`:
 * the page, the browser's language and User-Agent (defaults: `${origin}/` "Shop", en, none).
 */
export async function connectVisitor(
  apiUrl: string,
  siteId: string,
  origin: string,
  name?: string,
  options: { page?: { url: string; title: string }; locale?: string; userAgent?: string } = {},
): Promise<Visitor> {
  const socket: Visitor['socket'] = io(`${apiUrl}${WIDGET_NAMESPACE}`, {
    auth: { siteId, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
    extraHeaders: { origin, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
    forceNew: true,
  });
  const received: MessageDto[] = [];
  const events: Visitor['events'] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  socket.on('admin:message', (message) => received.push(message));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = await socket.emitWithAck('visitor:join', {
    page: options.page ?? { url: `${origin}/`, title: 'Shop' },
    locale: options.locale ?? 'en',
  });
  if (!joined.ok) throw new Error(`visitor:join refused: ${joined.message}`);
  const visitorId = joined.data.visitorId;
  if (name) {
    const identified = await socket.emitWithAck('visitor:identify', { name });
    if (!identified.ok) throw new Error(`visitor:identify refused: ${identified.message}`);
  }
  return {
    socket,
    visitorId,
    received,
    events,
    say: async (text) => {
      const ack = await socket.emitWithAck('visitor:message', { clientId: randomUUID(), text });
      if (!ack.ok) throw new Error(`visitor:message refused: ${ack.message}`);
      return ack.data.message;
    },
    close: () => socket.close(),
  };
}

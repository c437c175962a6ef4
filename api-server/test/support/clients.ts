import { randomUUID } from 'node:crypto';
import {
  type Ack,
  ADMIN_NAMESPACE,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  type AuthResponse,
  type ChatSummaryDto,
  type ChatsUpdatedPayload,
  CONTRACT_VERSION,
  type ServerErrorPayload,
  WIDGET_NAMESPACE,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '@chatiq/contracts';
import { io, type Socket } from 'socket.io-client';

export type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;
export type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;

/** A REST call; returns status and parsed JSON body. */
export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text || undefined) as T };
}

export async function registerOwner(base: string, suffix = randomUUID().slice(0, 8)) {
  const { status, body } = await api<AuthResponse>(base, 'POST', '/auth/register', {
    body: {
      email: `owner-${suffix}@example.com`,
      password: 'correct-horse-battery',
      name: `Owner ${suffix}`,
      organizationName: `Org ${suffix}`,
    },
  });
  if (status !== 201) throw new Error(`register failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Connects and waits for the outcome: resolves on connect, rejects with the connect_error. */
function connected<S extends Socket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function connectWidget(base: string, siteId: string, origin?: string): Promise<WidgetSocket> {
  const socket: WidgetSocket = io(`${base}${WIDGET_NAMESPACE}`, {
    auth: { siteId, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
    extraHeaders: origin ? { origin } : {},
    reconnection: false,
    forceNew: true,
  });
  return connected(socket);
}

export function connectAdmin(base: string, token: string): Promise<AdminSocket> {
  const socket: AdminSocket = io(`${base}${ADMIN_NAMESPACE}`, {
    auth: { token, contractVersion: CONTRACT_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return connected(socket);
}

/** Resolves with the next `event` on `socket`, or rejects after `ms`. */
/** The next `event` (the next one `matches`, when given: events of earlier steps may still be on their way). */
export function nextEvent<T>(socket: Socket, event: string, ms = 5000, matches: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/**
 * The next inbox summary (`chats:updated`, which carries many chats per frame) of a chat that
 * `matches`; resolves with that chat's summary.
 */
export async function nextChatUpdate(
  socket: Socket,
  matches: (chat: ChatSummaryDto) => boolean = () => true,
  ms = 5000,
): Promise<ChatSummaryDto> {
  const frame = await nextEvent<ChatsUpdatedPayload>(socket, 'chats:updated', ms, ({ chats }) => chats.some(matches));
  return frame.chats.find(matches)!;
}

export const newClientId = () => randomUUID();

/**
 * Every `event` that arrives on `socket` from now on. For "this must not arrive": assert on the list
 * after a barrier (`roundTrip`, a full scheduler tick, a later event), never after a pause.
 */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (payload: T) => received.push(payload));
  return received;
}

/**
 * One acknowledged round trip on a widget socket (`visitor:typing` off: harmless, answered even
 * before a join). Socket.IO keeps one connection's order, so once this resolves everything the
 * server sent this socket before answering has arrived, and the socket was still connected then.
 * Rejects after `ms` without an answer.
 */
export async function widgetRoundTrip(socket: WidgetSocket, ms = 5000): Promise<void> {
  await socket.timeout(ms).emitWithAck('visitor:typing', { typing: false });
}

/** `widgetRoundTrip` for an admin socket: leaving a chat that does not exist (the refusal is the answer). */
export async function adminRoundTrip(socket: AdminSocket, ms = 5000): Promise<void> {
  await socket.timeout(ms).emitWithAck('admin:leave', { chatId: randomUUID() });
}

/** The data of a successful acknowledgement, or a thrown error naming the code. */
export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.code}: ${ack.message}`);
  return ack.data;
}

/** Resolves when the server disconnects `socket`, with the reason and the `server:error` sent before. */
export function serverDisconnect(socket: AdminSocket, ms = 3000): Promise<{ reason: string; error?: ServerErrorPayload }> {
  return new Promise((resolve, reject) => {
    let error: ServerErrorPayload | undefined;
    socket.on('server:error', (payload) => {
      error = payload;
    });
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ reason, error });
    });
  });
}

// The widget's Socket.IO client against a real Socket.IO 4 server (the `socket.io` package the
// API runs), over Node's WebSocket: handshake with auth, events and acknowledgements both ways,
// refusals with their data, the heartbeat, and reconnection after the server drops the socket or
// goes away and comes back.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectError, type DisconnectReason, SioClient } from './sio.js';

type Log = { connects: number; disconnects: DisconnectReason[]; errors: ConnectError[]; events: [string, unknown[]][] };

let io: Server | undefined;
let http: HttpServer | undefined;
const clients: SioClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  io = undefined;
  http = undefined;
});

async function startServer(port = 0, options: Partial<ServerOptions> = {}): Promise<{ io: Server; url: string; port: number }> {
  http = createServer();
  io = new Server(http, options);
  io.of('/widget'); // the namespace exists before anyone connects, as the API's gateway makes it
  await new Promise<void>((resolve) => http!.listen(port, '127.0.0.1', resolve));
  const bound = (http.address() as AddressInfo).port;
  return { io, url: `http://127.0.0.1:${bound}`, port: bound };
}

function client(url: string, auth: object = { siteId: 's1' }, onConnectError?: (error: ConnectError, c: SioClient) => void) {
  const log: Log = { connects: 0, disconnects: [], errors: [], events: [] };
  const c: SioClient = new SioClient(
    { url, namespace: '/widget', auth: () => auth, reconnectionDelay: 50, reconnectionDelayMax: 200 },
    {
      connect: () => log.connects++,
      disconnect: (reason) => log.disconnects.push(reason),
      connectError: (error) => {
        log.errors.push(error);
        onConnectError?.(error, c);
      },
      event: (name, args) => log.events.push([name, args]),
    },
  );
  clients.push(c);
  return { c, log };
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  await expect.poll(check, { timeout: timeoutMs, interval: 10 }).toBe(true);
};

/**
 * A barrier for "this client did not reconnect": a control client, started now, that the server
 * refuses (`auth.control`) until it has made four attempts. Its three backoffs (25–75, 50–150,
 * 100–200 ms with the jitter) outlast the longest first backoff any client here could have begun
 * before (75 ms), so a reconnection the client under test was going to make has been made by then.
 */
async function afterFirstBackoff(server: { io: Server; url: string }): Promise<void> {
  let attempts = 0;
  server.io.of('/widget').use((socket, next) => {
    if (!socket.handshake.auth.control) return next();
    attempts++;
    next(new Error('control: not yet'));
  });
  const { c } = client(server.url, { control: true });
  c.open();
  await until(() => attempts >= 4);
  c.close();
}

const ack = (c: SioClient, event: string, payload: unknown, timeoutMs?: number) =>
  new Promise<{ error: Error | null; data?: unknown }>((resolve) =>
    c.emit(event, payload, (error, data) => resolve({ error, data }), timeoutMs),
  );

describe('SioClient', () => {
  it('connects to the namespace with its auth; events and acknowledgements go both ways', async () => {
    const server = await startServer();
    let auth: unknown;
    const received: unknown[] = [];
    server.io.of('/widget').on('connection', (socket: Socket) => {
      auth = socket.handshake.auth;
      socket.on('visitor:join', (payload, callback) => callback({ ok: true, data: { echo: payload } }));
      socket.on('visitor:typing', (payload) => received.push(payload));
      socket.emit('welcome:message', { text: 'Hi «there» 👋' });
    });
    const { c, log } = client(server.url, { siteId: 'site_1', contractVersion: '1.0.0' });
    c.open();
    await until(() => c.connected && log.events.length === 1);
    expect(auth).toEqual({ siteId: 'site_1', contractVersion: '1.0.0' });
    expect(log.events).toEqual([['welcome:message', [{ text: 'Hi «there» 👋' }]]]);

    expect(await ack(c, 'visitor:join', { afterSeq: 3, text: 'a\nb "c"' })).toEqual({
      error: null,
      data: { ok: true, data: { echo: { afterSeq: 3, text: 'a\nb "c"' } } },
    });
    c.emit('visitor:typing', { typing: true });
    await until(() => received.length === 1);
    expect(received).toEqual([{ typing: true }]);

    // The server asks for an acknowledgement: it gets one.
    const [socket] = await server.io.of('/widget').fetchSockets();
    await socket!.timeout(2_000).emitWithAck('ping:me', 1);
    expect(log.connects).toBe(1);
  });

  it('passes a refusal with its data; close() in the handler stops the retries', async () => {
    const server = await startServer();
    server.io
      .of('/widget')
      .use((socket, next) =>
        socket.handshake.auth.control
          ? next()
          : next(Object.assign(new Error('This site does not allow pages from x'), { data: { code: 'origin_not_allowed', message: 'm' } })),
      );
    const { c, log } = client(server.url, {}, (_error, self) => self.close());
    c.open();
    await until(() => log.errors.length === 1);
    await afterFirstBackoff(server);
    expect(log.errors).toEqual([{ message: 'This site does not allow pages from x', data: { code: 'origin_not_allowed', message: 'm' } }]);
    expect(log.connects).toBe(0);
    expect(c.connected).toBe(false);
  });

  it('retries a refused attempt until the server lets it in', async () => {
    const server = await startServer();
    let attempts = 0;
    server.io.of('/widget').use((_socket, next) => (++attempts < 3 ? next(new Error('database_unavailable')) : next()));
    const { c, log } = client(server.url);
    c.open();
    await until(() => c.connected);
    expect(log.errors.map((e) => e.message)).toEqual(['database_unavailable', 'database_unavailable']);
    expect(attempts).toBe(3);
  });

  it('reconnects after the server disconnects it, and after the server went away and came back', async () => {
    const server = await startServer();
    const { c, log } = client(server.url);
    c.open();
    await until(() => c.connected);
    (await server.io.of('/widget').fetchSockets())[0]!.disconnect(true);
    await until(() => log.connects === 2);
    expect(log.disconnects).toEqual(['io server disconnect']);

    // Pending acknowledgements fail with the connection.
    let slowArrived = false;
    server.io.of('/widget').on('connection', (socket) => socket.on('slow', () => (slowArrived = true)));
    (await server.io.of('/widget').fetchSockets())[0]!.disconnect(true);
    await until(() => log.connects === 3);
    const pending = ack(c, 'slow', {});
    await until(() => slowArrived); // the server has it, and never answers
    const { port } = server;
    await new Promise<void>((resolve) => server.io.close(() => resolve()));
    expect((await pending).error?.message).toBe('disconnected');
    await until(() => !c.connected);
    expect(log.disconnects.at(-1)).toBe('transport close');
    const again = await startServer(port);
    let joined = false;
    again.io.of('/widget').on('connection', () => (joined = true));
    await until(() => joined && c.connected, 8_000);
    expect(log.connects).toBe(4);
  });

  it('answers the heartbeat: the server keeps a quiet connection', async () => {
    const server = await startServer(0, { pingInterval: 100, pingTimeout: 100 });
    let pongs = 0;
    server.io.of('/widget').on('connection', (socket) =>
      socket.conn.on('packet', (packet: { type: string }) => {
        if (packet.type === 'pong') pongs++;
      }),
    );
    const { c, log } = client(server.url);
    c.open();
    await until(() => c.connected);
    // Counted, not waited for: eight pings answered, each within the 100 ms the server allows.
    await until(() => pongs >= 8, 8_000);
    expect(c.connected).toBe(true);
    expect(log).toMatchObject({ connects: 1, disconnects: [] });
  });

  it('counts a server that went silent (no ping within interval + timeout) as lost, and reconnects', async () => {
    const server = await startServer(0, { pingInterval: 100, pingTimeout: 100 });
    const { c, log } = client(server.url);
    c.open();
    await until(() => c.connected);
    // The server stops pinging this connection without closing it, as a dead network path would look.
    const engine = server.io.engine as unknown as { clients: Record<string, { pingIntervalTimer: NodeJS.Timeout }> };
    for (const conn of Object.values(engine.clients)) {
      clearTimeout(conn.pingIntervalTimer);
    }
    await until(() => log.disconnects.includes('ping timeout'));
    await until(() => log.connects === 2 && c.connected);
  });

  it('fails an acknowledgement that does not come in time, or when not connected', async () => {
    const server = await startServer();
    server.io.of('/widget').on('connection', (socket) => socket.on('never', () => {}));
    const { c } = client(server.url);
    expect((await ack(c, 'never', {})).error?.message).toBe('not connected');
    c.open();
    await until(() => c.connected);
    expect((await ack(c, 'never', {}, 100)).error?.message).toBe('timeout');
  });

  it('close() disconnects for good', async () => {
    const server = await startServer();
    const { c, log } = client(server.url);
    c.open();
    await until(() => c.connected);
    c.close();
    expect(c.connected).toBe(false);
    await until(() => server.io.of('/widget').sockets.size === 0);
    await afterFirstBackoff(server);
    expect(server.io.of('/widget').sockets.size).toBe(0);
    expect(log).toMatchObject({ connects: 1, disconnects: ['io client disconnect'] });
  });
});

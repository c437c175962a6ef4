// The widget's connection against a real Socket.IO server that plays the /widget gateway, with the
// real chat state keeping the visitor's messages: after a reconnect, what was refused for a reason
// that may pass is sent again with the same clientId, what was refused for good is not.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageDto } from '@chatiq/contracts';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChatAction, type ChatState, chatReducer, initialChatState, unsentMessages } from '../chat/chat-state.js';
import { WidgetConnection } from './socket.js';

let io: Server | undefined;
let http: HttpServer | undefined;
const connections: WidgetConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.stop();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  io = undefined;
  http = undefined;
});

/** A /widget namespace that joins everyone into chat c1 and answers each `visitor:message` with `answer`. */
async function startGateway(answer: (clientId: string, attempt: number) => { ok: false; code: string } | 'store') {
  http = createServer();
  io = new Server(http);
  const received: string[] = [];
  let seq = 0;
  io.of('/widget').on('connection', (socket: Socket) => {
    socket.on('visitor:join', (_payload, callback) => callback({ ok: true, data: { visitorId: 'v1', chatId: 'c1', messages: [] } }));
    socket.on('visitor:message', ({ clientId, text }: { clientId: string; text: string }, callback) => {
      received.push(clientId);
      const outcome = answer(clientId, received.filter((id) => id === clientId).length);
      if (outcome !== 'store') return callback({ ...outcome, message: 'refused' });
      seq += 1;
      const message: MessageDto = {
        id: `m${seq}`,
        chatId: 'c1',
        seq,
        publicSeq: seq,
        clientId,
        authorKind: 'VISITOR',
        authorId: null,
        authorName: null,
        text,
        internal: false,
        attachment: null,
        systemEvent: null,
        createdAt: new Date().toISOString(),
      };
      callback({ ok: true, data: { message } });
    });
  });
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  return { io, received, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

/** A connection whose messages live in the real chat state, as in the widget. */
function connect(url: string) {
  let state: ChatState = initialChatState('en', false);
  const dispatch = (action: ChatAction) => (state = chatReducer(state, action));
  let joins = 0;
  let id: string | null = null;
  const connection = new WidgetConnection({
    apiUrl: url,
    siteId: 's1',
    locale: () => 'en',
    visitorIds: { read: () => id, write: (visitorId) => (id = visitorId) },
    lastSeen: () => ({ chatId: state.chatId, seq: 0 }),
    page: () => ({ url: 'https://shop.example/', title: 'Shop' }),
    unsent: () => unsentMessages(state),
    events: {
      state: () => {},
      joined: (result, first) => {
        joins += 1;
        dispatch({ type: 'joined', chatId: result.chatId, messages: result.messages, first });
      },
      messages: (messages) => dispatch({ type: 'stored', messages, live: false }),
      sendFailed: (clientId, code) => dispatch({ type: 'sendFailed', clientId, code }),
      event: () => {},
    },
  });
  connections.push(connection);
  const write = (clientId: string, text: string) => {
    dispatch({ type: 'written', clientId, text, at: new Date().toISOString() });
    connection.send(clientId, text);
  };
  return { connection, write, state: () => state, joins: () => joins };
}

const until = (check: () => boolean) => expect.poll(check, { timeout: 5_000, interval: 10 }).toBe(true);
const statuses = (state: ChatState) => state.entries.map((entry) => [entry.clientId, entry.status]);

describe('WidgetConnection: resending by the retry rule', () => {
  it('after a reconnect, resends a rate-limited message with its clientId, not one refused as invalid', async () => {
    const gateway = await startGateway((clientId, attempt) => {
      if (clientId === 'client-rate' && attempt === 1) return { ok: false, code: 'rate_limited' };
      if (clientId === 'client-bad') return { ok: false, code: 'validation_failed' };
      return 'store';
    });
    const visitor = connect(gateway.url);
    visitor.connection.start();
    await until(() => visitor.connection.isJoined);
    visitor.write('client-rate', 'first');
    visitor.write('client-bad', 'second');
    await until(() => visitor.state().entries.every((entry) => entry.status === 'failed'));

    (await gateway.io.of('/widget').fetchSockets())[0]!.disconnect(true);
    await until(() => visitor.joins() === 2 && visitor.state().entries[0]?.status === 'sent');

    expect(statuses(visitor.state())).toEqual([
      ['client-rate', 'sent'],
      ['client-bad', 'failed'],
    ]);
    expect(gateway.received).toEqual(['client-rate', 'client-bad', 'client-rate']);
  });

  it('sends what was written while disconnected after the next join, in the order written', async () => {
    const gateway = await startGateway(() => 'store');
    const visitor = connect(gateway.url);
    visitor.write('client-one', 'one'); // before the connection even started
    visitor.connection.start();
    await until(() => visitor.connection.isJoined);
    visitor.write('client-two', 'two');
    await until(() => visitor.state().entries.every((entry) => entry.status === 'sent'));
    expect(gateway.received).toEqual(['client-one', 'client-two']);
    expect(visitor.state().entries.map((entry) => entry.seq)).toEqual([1, 2]);
  });
});

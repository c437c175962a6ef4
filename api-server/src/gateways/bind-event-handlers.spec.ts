import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Ack,
  ackData,
  adminClientEvents,
  type ChatAckData,
  type ClientEvents,
  type MessageAckData,
  widgetClientEvents,
} from '@chatiq/contracts';
import { Logger } from '@nestjs/common';
import { Server, type Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { bindEventHandlers, type EventHandlers } from './bind-event-handlers.js';
import { SocketRateLimit } from './socket-rate-limit.js';

/** A namespace's declaration as the contract writes them: `{ payload, ack }` per event. */
const demoEvents = {
  'demo:echo': { payload: z.object({ text: z.string().max(10), times: z.number().int().default(1) }), ack: ackData<{ echoed: string }>() },
  'demo:ping': { payload: z.object({}), ack: ackData<{ pong: true }>() },
} as const satisfies ClientEvents;

const demoHandlers: EventHandlers<typeof demoEvents> = {
  'demo:echo': async ({ text, times }) => ({ echoed: text.repeat(times) }),
  'demo:ping': async () => ({ pong: true }),
};

describe('bindEventHandlers: a handler must answer its event’s ack type', () => {
  it('types each handler from the declaration: the parsed payload in, the ack data out', () => {
    expectTypeOf<EventHandlers<typeof demoEvents>['demo:echo']>().parameter(0).toEqualTypeOf<{ text: string; times: number }>();
    expectTypeOf<EventHandlers<typeof demoEvents>['demo:echo']>().returns.resolves.toEqualTypeOf<{ echoed: string }>();
    expectTypeOf<EventHandlers<typeof adminClientEvents>['admin:message']>().returns.resolves.toEqualTypeOf<MessageAckData>();
    expectTypeOf<EventHandlers<typeof adminClientEvents>['chat:resolve']>().returns.resolves.toEqualTypeOf<ChatAckData>();
    expectTypeOf<EventHandlers<typeof widgetClientEvents>['visitor:identify']>().returns.resolves.toEqualTypeOf<{ verified: boolean }>();
    expectTypeOf<Parameters<typeof bindEventHandlers<typeof demoEvents>>[2]>().toEqualTypeOf<EventHandlers<typeof demoEvents>>();
  });

  it('refuses, at compile time, a handler of the wrong shape or a missing one', () => {
    const wrongShape: EventHandlers<typeof demoEvents> = {
      // @ts-expect-error: resolves to `{ text }`, the ack is `{ echoed }`
      'demo:echo': async ({ text }) => ({ text }),
      // @ts-expect-error: `pong` is `true`, not a string
      'demo:ping': async () => ({ pong: 'yes' }),
    };
    // @ts-expect-error: no handler for demo:ping
    const missing: EventHandlers<typeof demoEvents> = { 'demo:echo': demoHandlers['demo:echo'] };
    const wrongRealAck: Pick<EventHandlers<typeof adminClientEvents>, 'admin:message' | 'chat:resolve'> = {
      // @ts-expect-error: admin:message acknowledges `{ message }`, not `{ chat }`
      'admin:message': async () => ({ chat: null }),
      // @ts-expect-error: chat:resolve acknowledges `{ chat }`, an empty ack is not enough
      'chat:resolve': async () => ({}),
    };
    const wrongPayload: Pick<EventHandlers<typeof widgetClientEvents>, 'visitor:read'> = {
      // @ts-expect-error: visitor:read's payload has `seq`, not `chatId`
      'visitor:read': async ({ chatId }) => ({ chatId }),
    };
    expect([wrongShape, missing, wrongRealAck, wrongPayload].every((handlers) => typeof handlers === 'object')).toBe(true);
  });
});

describe('bindEventHandlers on a real socket', () => {
  const http = createServer();
  const server = new Server(http);
  let url = '';

  beforeAll(async () => {
    const rateLimit = new SocketRateLimit({ eventsPerSecond: 100, maxStrikes: 3 });
    server.on('connection', (socket: Socket) => {
      bindEventHandlers(socket, demoEvents, demoHandlers, { logger: new Logger('bind-event-handlers.spec'), rateLimit });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await server.close();
  });

  async function ask(event: string, payload: unknown): Promise<Ack<unknown>> {
    const client = connect(url, { transports: ['websocket'], forceNew: true });
    try {
      return await client.timeout(5_000).emitWithAck(event, payload);
    } finally {
      client.close();
    }
  }

  it('parses the payload with the declared schema and acknowledges the handler’s answer', async () => {
    expect(await ask('demo:echo', { text: 'ab', times: 2 })).toEqual({ ok: true, data: { echoed: 'abab' } });
    expect(await ask('demo:echo', { text: 'ab' })).toEqual({ ok: true, data: { echoed: 'ab' } });
    expect(await ask('demo:ping', {})).toEqual({ ok: true, data: { pong: true } });
  });

  it('acknowledges a payload the schema refuses, and an undeclared event, with validation_failed', async () => {
    expect(await ask('demo:echo', { text: 'far too long for it' })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await ask('demo:unknown', {})).toMatchObject({ ok: false, code: 'validation_failed', message: 'Unknown event "demo:unknown"' });
  });
});

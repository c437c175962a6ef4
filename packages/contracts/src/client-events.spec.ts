import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type AckCallback,
  type AckDataOf,
  type AdminClientToServerEvents,
  type AdminJoinPayload,
  type AdminJoinResult,
  adminClientEventSchemas,
  adminClientEvents,
  type ChatAckData,
  type ClientEvents,
  type EmptyAck,
  isAckData,
  type MessageAckData,
  type ParsedPayloadOf,
  type VisitorJoinResult,
  type VisitorMessagePayload,
  type WidgetClientToServerEvents,
  widgetClientEventSchemas,
  widgetClientEvents,
} from './index.js';

const namespaces = [
  { name: 'widget', events: widgetClientEvents as ClientEvents, schemas: widgetClientEventSchemas as Record<string, z.ZodType> },
  { name: 'admin', events: adminClientEvents as ClientEvents, schemas: adminClientEventSchemas as Record<string, z.ZodType> },
];

describe('client → server events, declared once', () => {
  it.each(namespaces)('declares a payload schema and an ack for every $name event', ({ events }) => {
    expect(Object.keys(events).length).toBeGreaterThan(0);
    for (const [event, declaration] of Object.entries(events)) {
      expect(Object.keys(declaration).sort(), event).toEqual(['ack', 'payload']);
      expect(declaration.payload, event).toBeInstanceOf(z.ZodType);
      expect(isAckData(declaration.ack), event).toBe(true);
    }
  });

  it.each(namespaces)('derives the $name payload schemas from the declaration, event for event', ({ events, schemas }) => {
    expect(Object.keys(schemas)).toEqual(Object.keys(events));
    for (const [event, declaration] of Object.entries(events)) expect(schemas[event], event).toBe(declaration.payload);
  });

  it('keeps every event name on the wire', () => {
    expect(Object.keys(widgetClientEvents)).toEqual([
      'visitor:join',
      'visitor:message',
      'visitor:typing',
      'visitor:read',
      'visitor:page',
      'visitor:identify',
      'visitor:transcript',
      'visitor:history',
      'visitor:conversation',
    ]);
    expect(Object.keys(adminClientEvents)).toEqual([
      'admin:join',
      'admin:leave',
      'admin:message',
      'admin:note',
      'admin:typing',
      'admin:read',
      'chat:assign',
      'chat:resolve',
      'chat:reopen',
      'chat:snooze',
      'visitor:invite',
      'chat:handback',
    ]);
  });

  it('derives the Socket.IO maps: the same events, the payload a client sends, the ack it gets', () => {
    expectTypeOf<keyof WidgetClientToServerEvents>().toEqualTypeOf<keyof typeof widgetClientEvents>();
    expectTypeOf<keyof AdminClientToServerEvents>().toEqualTypeOf<keyof typeof adminClientEvents>();
    expectTypeOf<WidgetClientToServerEvents['visitor:message']>().toEqualTypeOf<
      (payload: VisitorMessagePayload, ack: AckCallback<MessageAckData>) => void
    >();
    expectTypeOf<WidgetClientToServerEvents['visitor:join']>().parameter(1).toEqualTypeOf<AckCallback<VisitorJoinResult>>();
    expectTypeOf<WidgetClientToServerEvents['visitor:typing']>().parameter(1).toEqualTypeOf<AckCallback<EmptyAck>>();
    // A client may leave out what the schema defaults; the server's handler gets it filled in.
    expectTypeOf<AdminClientToServerEvents['admin:join']>().parameter(0).toEqualTypeOf<AdminJoinPayload>();
    expectTypeOf<ParsedPayloadOf<(typeof adminClientEvents)['admin:join']>>().toEqualTypeOf<{
      chatId: string;
      afterSeq: number;
    }>();
    expectTypeOf<AckDataOf<(typeof adminClientEvents)['admin:join']>>().toEqualTypeOf<AdminJoinResult>();
    expectTypeOf<AdminClientToServerEvents['chat:handback']>().parameter(1).toEqualTypeOf<AckCallback<ChatAckData>>();
  });
});

import type { z } from 'zod';
import type { AckCallback } from './common.js';

/**
 * How a client → server socket event is declared, once: `{ payload, ack }` (the payload's zod
 * schema and the type of its acknowledgement's data). The Socket.IO event maps clients and
 * servers are typed with, the payload schemas the server parses with and the return type of
 * each server handler are all derived from the declaration (`events.ts`), never written again.
 */

declare const ackDataType: unique symbol;

/** The ack's slot in a declaration: only its type parameter matters; every value is the same marker. */
export type AckData<T> = { readonly kind: 'ack'; readonly [ackDataType]?: T };

const ACK_MARKER: AckData<never> = Object.freeze({ kind: 'ack' });

/** Declares the data of an event's acknowledgement: `ack: ackData<MessageAckData>()`. */
export function ackData<T>(): AckData<T> {
  return ACK_MARKER as AckData<T>;
}

/** True for the value `ackData()` returns (the contract's own test checks every declaration with it). */
export function isAckData(value: unknown): value is AckData<unknown> {
  return value === ACK_MARKER;
}

/** One client → server event: its payload schema and its ack data. */
export type ClientEvent<P extends z.ZodType = z.ZodType, A = unknown> = { readonly payload: P; readonly ack: AckData<A> };

/** A namespace's client → server events, by name. */
export type ClientEvents = { readonly [event: string]: ClientEvent };

/** What a client sends (before the schema's defaults and transforms). */
export type PayloadOf<E extends ClientEvent> = z.input<E['payload']>;

/** What the server's handler gets: the payload as the schema parsed it. */
export type ParsedPayloadOf<E extends ClientEvent> = z.output<E['payload']>;

/** The data of the event's `{ ok: true, data }` acknowledgement. */
export type AckDataOf<E extends ClientEvent> = E['ack'] extends AckData<infer A> ? A : never;

/** The Socket.IO `ClientToServerEvents` map of a declaration: `(payload, ack) => void` per event. */
export type ClientToServerEventsOf<D extends ClientEvents> = {
  [E in keyof D]: (payload: PayloadOf<D[E]>, ack: AckCallback<AckDataOf<D[E]>>) => void;
};

/** Each event's payload schema, by name. */
export type PayloadSchemasOf<D extends ClientEvents> = { readonly [E in keyof D]: D[E]['payload'] };

/** The payload schemas of a declaration, by event name (what tests enumerate). */
export function payloadSchemasOf<D extends ClientEvents>(events: D): PayloadSchemasOf<D> {
  return Object.freeze(Object.fromEntries(Object.entries(events).map(([event, { payload }]) => [event, payload]))) as PayloadSchemasOf<D>;
}

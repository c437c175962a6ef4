import type { Ack, AckDataOf, ClientEvents, ParsedPayloadOf } from '@chatiq/contracts';
import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { AppError } from '../common/errors/app-error.js';
import { toAppError } from '../common/errors/to-app-error.js';
import { parseInput } from '../common/validation/parse-input.js';
import type { SocketRateLimit } from './socket-rate-limit.js';

/**
 * One handler per declared event: it gets the parsed payload and resolves to the event's ack data
 * (the contract's `ack`). A missing event, or a handler resolving to another shape, does not compile.
 */
export type EventHandlers<D extends ClientEvents> = {
  [E in keyof D]: (payload: ParsedPayloadOf<D[E]>, socket: Socket) => Promise<AckDataOf<D[E]>>;
};

/**
 * Wires a socket's client → server events (a namespace's declaration in the contract,
 * `widgetClientEvents` / `adminClientEvents`) to service calls. Every payload is validated against
 * the event's schema; the answer goes to the acknowledgement as `{ ok: true, data }` or
 * `{ ok: false, code, message, issues? }`, or, when the client gave no callback and it failed,
 * to a `server:error` event. A bad payload never throws out of here: the socket stays connected.
 * Every event, known or not, counts against the socket's rate limit; a socket that keeps
 * exceeding it is told so and disconnected.
 */
export function bindEventHandlers<D extends ClientEvents>(
  socket: Socket,
  events: D,
  handlers: NoInfer<EventHandlers<D>>,
  options: { logger: Logger; rateLimit: SocketRateLimit },
): void {
  const { logger, rateLimit } = options;
  const respond = (event: string, args: unknown[], response: Ack<unknown>) => {
    const ack = args.at(-1);
    if (typeof ack === 'function') ack(response);
    else if (!response.ok) socket.emit('server:error', { code: response.code, message: response.message, issues: response.issues, event });
  };

  /** False when the event must not be handled (over the limit). */
  const admitted = async (event: string, args: unknown[]): Promise<boolean> => {
    const verdict = await rateLimit.admit(socket);
    if (verdict === 'ok') return true;
    const error = new AppError('rate_limited', 'Too many events; slow down');
    respond(event, args, { ok: false, ...error.toBody() });
    if (verdict === 'disconnect') {
      socket.emit('server:error', { ...error.toBody(), message: 'Too many events; disconnected' });
      socket.disconnect(true);
    }
    return false;
  };
  socket.on('disconnect', () => rateLimit.forget(socket));

  for (const event of Object.keys(events) as (keyof D & string)[]) {
    socket.on(event as string, async (...args: unknown[]) => {
      if (!(await admitted(event, args))) return;
      try {
        const schema: D[typeof event]['payload'] = events[event].payload;
        const payload: ParsedPayloadOf<D[typeof event]> = parseInput(schema, typeof args[0] === 'function' ? undefined : args[0]);
        respond(event, args, { ok: true, data: await handlers[event](payload, socket) });
      } catch (thrown) {
        const { error, unexpected } = toAppError(thrown);
        if (unexpected) logger.error({ err: thrown, event }, `socket event ${event} failed`);
        respond(event, args, { ok: false, ...error.toBody() });
      }
    });
  }

  socket.onAny(async (event: string, ...args: unknown[]) => {
    if (Object.hasOwn(events, event)) return;
    if (!(await admitted(String(event), args))) return;
    const error = new AppError('validation_failed', `Unknown event "${String(event).slice(0, 100)}"`);
    respond(event, args, { ok: false, ...error.toBody() });
  });
}

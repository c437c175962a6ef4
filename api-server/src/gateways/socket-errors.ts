import type { ServerErrorPayload } from '@chatiq/contracts';
import { toAppError } from '../common/errors/to-app-error.js';

/** The error a handshake middleware passes to `next()`: the client's `connect_error` carries `data`. */
export function toHandshakeError(thrown: unknown): Error & { data: ServerErrorPayload } {
  const { error } = toAppError(thrown);
  return Object.assign(new Error(error.message), { data: error.toBody() });
}

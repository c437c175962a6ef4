import { isCompatibleContract } from '@chatiq/contracts';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError } from '../common/errors/app-error.js';
import { parseInput } from '../common/validation/parse-input.js';

/** Validates a socket's handshake `auth` against the contract, and its contract version. */
export function parseHandshake<S extends z.ZodType<{ contractVersion?: string }>>(schema: S, socket: Socket): z.output<S> {
  const handshake = parseInput(schema, socket.handshake.auth);
  if (handshake.contractVersion && !isCompatibleContract(handshake.contractVersion)) {
    throw new AppError('contract_version_unsupported', `Contract ${handshake.contractVersion} is not supported`);
  }
  return handshake;
}

/**
 * Version of the wire contract. Bump the minor for additive changes (new events, new optional
 * fields) and the major for anything a deployed widget or admin panel could not understand.
 * Clients send it in the socket handshake; the server refuses an incompatible major.
 */
export const CONTRACT_VERSION = '0.10.0';

export function contractMajor(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

export function isCompatibleContract(clientVersion: string): boolean {
  return contractMajor(clientVersion) === contractMajor(CONTRACT_VERSION);
}

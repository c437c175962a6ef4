import type { IncomingMessage } from 'node:http';

export function compileTrustedProxies(value: string | undefined): (address: string, hop: number) => boolean;
export function clientAddress(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string;

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { type EgressAllowRule, type EgressTarget, isAllowedByList } from '../../config/egress-allow-list.js';
import { refusedRange } from './address-class.js';

/** Every address a host name resolves to (the real resolver; tests inject their own). */
export type EgressLookup = (hostname: string) => Promise<string[]>;

export const systemLookup: EgressLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address);

/**
 * A connection this server refused to open: the destination is local, private or otherwise not
 * public, and EGRESS_ALLOW does not name it. Its message is the same for every refused target
 * (which address, which port, open or closed are never told apart).
 */
export class EgressRefusedError extends Error {
  readonly code = 'EGRESS_REFUSED';
  constructor(
    /** For logs only: what was refused and why (`127.0.0.1:5432 loopback`). */
    readonly detail: string,
  ) {
    super('The destination is not a public address');
    this.name = 'EgressRefusedError';
  }
}

export type EgressAgentOptions = {
  allow: readonly EgressAllowRule[];
  lookup?: EgressLookup;
  /** Longest wait for a TCP (and TLS) connection. */
  connectTimeoutMs?: number;
  /** Longest wait for response headers, and for the next chunk of a body. */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Largest response body accepted. */
  maxResponseBytes?: number;
};

/**
 * Why this target may not be reached, or null when it may: allowed by EGRESS_ALLOW, else only
 * public unicast addresses.
 */
export function egressRefusal(allow: readonly EgressAllowRule[], target: EgressTarget): string | null {
  if (isAllowedByList(allow, target)) return null;
  return refusedRange(target.address);
}

/**
 * An undici `Agent` that only connects where egress is allowed. The check runs inside the
 * agent's connector, for every new connection (every redirect hop, every reconnect): the host name
 * is resolved there, every address it resolves to is checked, and the socket is opened to the
 * checked address (never resolved again, so DNS rebinding has no second lookup to change). IP
 * literals (which `net.connect` would not look up) are checked the same way.
 */
export function createEgressAgent(options: EgressAgentOptions): Agent {
  const lookup = options.lookup ?? systemLookup;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const base = buildConnector({ timeout: connectTimeoutMs });
  const connect: buildConnector.connector = (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    resolveChecked(opts.hostname, port, options.allow, lookup).then(
      (address) => base({ ...opts, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
  return new Agent({
    connect,
    connectTimeout: connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs ?? 300_000,
    bodyTimeout: options.bodyTimeoutMs ?? 300_000,
    maxResponseSize: options.maxResponseBytes ?? 16 * 1024 * 1024,
  });
}

/** The address to connect to: the first one `hostname` resolves to, when every one of them is allowed. */
export async function resolveChecked(
  hostname: string,
  port: number,
  allow: readonly EgressAllowRule[],
  lookup: EgressLookup,
): Promise<string> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const addresses = isIP(host) ? [host] : await lookup(host);
  if (addresses.length === 0) throw new EgressRefusedError(`${host}:${port} resolves to no address`);
  for (const address of addresses) {
    const why = egressRefusal(allow, { hostname: host, address, port });
    if (why) throw new EgressRefusedError(`${host}:${port} → ${address} ${why}`);
  }
  return addresses[0]!;
}

/** The egress refusal in `error` or one of its causes, if any. */
export function findEgressRefusal(error: unknown): EgressRefusedError | undefined {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof EgressRefusedError) return current;
    current = current.cause;
  }
  return undefined;
}

/** True when `error` or one of its causes is an egress refusal. */
export function isEgressRefusal(error: unknown): boolean {
  return findEgressRefusal(error) !== undefined;
}

/** A `fetch` with the signature of the global one (what the openai SDK takes). */
export type EgressFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * undici's own `fetch` over `agent` (every hop of every redirect uses it); its Request and
 * Response are the web-standard ones the global `fetch` has.
 */
export function fetchThrough(agent: Agent): EgressFetch {
  return (input, init) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    }) as unknown as Promise<Response>;
}

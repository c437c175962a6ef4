import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * One entry of EGRESS_ALLOW: destinations an operator of this server trusts although they are
 * local or private (a self-hosted model on 127.0.0.1:11434, a 10.0.0.0/8 network). `port`
 * undefined: any port.
 */
export type EgressAllowRule =
  | { kind: 'range'; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; port: number | undefined; text: string }
  | { kind: 'host'; host: string; port: number | undefined; text: string };

/** What a connection is about to reach: the name in the URL, the address it resolved to, the port. */
export type EgressTarget = { hostname: string; address: string; port: number };

export class EgressAllowListError extends Error {}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses EGRESS_ALLOW: a comma-separated list of `IP`, `IP:port`, `CIDR`, `CIDR:port`, `host`,
 * `host:port`; IPv6 in brackets when a port follows (`[::1]:8000`, `[fd00::/8]:11434`). IPv4 only in
 * the usual dotted form (no `127.1` or `2130706433`). Throws an `EgressAllowListError` naming each
 * entry it cannot read.
 */
export function parseEgressAllowList(text: string): EgressAllowRule[] {
  const rules: EgressAllowRule[] = [];
  const problems: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const rule = parseEntry(entry);
    if (rule) rules.push(rule);
    else problems.push(`"${entry}"`);
  }
  if (problems.length > 0) {
    throw new EgressAllowListError(
      `cannot read ${problems.join(', ')}: use IP, IP:port, CIDR, CIDR:port, host or host:port (IPv6 in brackets before a port), comma-separated`,
    );
  }
  return rules;
}

function parseEntry(entry: string): EgressAllowRule | null {
  const { address, port } = splitPort(entry);
  if (port === null) return null;
  const range = parseRange(address);
  if (range) return { kind: 'range', range, port, text: entry };
  const host = normalizeHost(address);
  // A name whose last label is a number is an IPv4 address to a URL parser (`0x7f000001`, `127.1`).
  const lastLabel = host.split('.').pop() ?? '';
  if (HOST_NAME.test(host) && !/^(\d+|0x[0-9a-f]*)$/.test(lastLabel)) {
    return { kind: 'host', host, port, text: entry };
  }
  return null;
}

/** `[v6]:port`, `[v6/len]:port`, `a.b.c.d:port`, `a.b.c.d/len:port`, `host:port`, or no port. `port: null`: unreadable. */
function splitPort(entry: string): { address: string; port: number | undefined | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    return { address: bracketed[1]!, port: bracketed[2] === undefined ? undefined : toPort(bracketed[2]) };
  }
  const colons = entry.split(':').length - 1;
  if (colons === 1) {
    const [address, port] = entry.split(':') as [string, string];
    return { address, port: /^\d+$/.test(port) ? toPort(port) : null };
  }
  // No colon, or a bare IPv6 address/range (no port possible without brackets).
  return { address: entry, port: undefined };
}

function toPort(text: string): number | null {
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

function parseRange(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const [address, length, ...rest] = text.split('/');
  if (!address || rest.length > 0) return null;
  const kind = isIP(address);
  if (kind === 0 || (kind === 4 && !ipaddr.IPv4.isValidFourPartDecimal(address))) return null;
  const parsed = ipaddr.parse(address);
  const max = kind === 4 ? 32 : 128;
  if (length === undefined) return [parsed, max];
  if (!/^\d{1,3}$/.test(length) || Number(length) > max) return null;
  return [parsed, Number(length)];
}

/** Lower case, without the trailing dot of a fully qualified name. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** True when a rule of the list names this target (its host name, or its address, and its port). */
export function isAllowedByList(rules: readonly EgressAllowRule[], target: EgressTarget): boolean {
  const hostname = normalizeHost(target.hostname);
  const address = ipaddr.isValid(target.address) ? ipaddr.process(target.address) : null;
  return rules.some((rule) => {
    if (rule.port !== undefined && rule.port !== target.port) return false;
    if (rule.kind === 'host') return rule.host === hostname;
    if (!address) return false;
    const [network, length] = rule.range;
    const comparable =
      network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() ? (network as ipaddr.IPv6).toIPv4Address() : network;
    const prefix = comparable === network ? length : Math.max(0, length - 96);
    return address.kind() === comparable.kind() && address.match(comparable, prefix);
  });
}

// Who is asking: the browser's address as the admin panel's own server sees it, through the proxies
// it trusts (the same rules as the API's TRUSTED_PROXIES: proxy-addr, as Express's `trust proxy`).
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses, CIDR subnets, `loopback`, `linklocal`,
 * `uniquelocal`, or `none`. Unset or empty: `loopback`. Throws with the bad entry.
 * @param {string | undefined} value
 * @returns {(address: string, hop: number) => boolean}
 */
export function compileTrustedProxies(value) {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return proxyaddr.compile('loopback');
  if (entries.length === 1 && entries[0].toLowerCase() === 'none') return proxyaddr.compile([]);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR subnet, loopback, linklocal or uniquelocal`);
    }
  }
  return proxyaddr.compile(entries);
}

/**
 * The client of a request: its socket's peer, or, when that peer is a trusted proxy, the right-most
 * X-Forwarded-For address that is not a trusted proxy. What a browser writes into the header
 * itself is never believed: a browser reaching the panel directly is an untrusted peer, and behind
 * nginx its own entries sit left of the address nginx appended. A hop's entry that is not an IP
 * address stops the walk at the last address that was one.
 * @param {import('node:http').IncomingMessage} req
 * @param {(address: string, hop: number) => boolean} trust
 * @returns {string}
 */
export function clientAddress(req, trust) {
  const chain = proxyaddr.all(req, trust); // [socket peer, then each trusted hop's claim, right to left]
  let client = chain[0] ?? '';
  for (const address of chain.slice(1)) {
    if (!isIP(address)) break;
    client = address;
  }
  return client;
}

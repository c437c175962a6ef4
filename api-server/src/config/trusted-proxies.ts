import proxyaddr from 'proxy-addr';

/**
 * Parses TRUSTED_PROXIES: a comma-separated list of proxy-addr entries (the named ranges `loopback`
 * = 127.0.0.1/8 and ::1, `linklocal`, `uniquelocal` = the private ranges; addresses; CIDR subnets
 * such as `10.0.0.0/8` or `172.16.0.0/255.240.0.0`), or `none` to trust no proxy.
 * Returns the list for Express's `trust proxy`, or the problem with the first bad entry.
 */
export function parseTrustedProxies(value: string): { proxies: string[] } | { problem: string } {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === 'none') return { proxies: [] };
  if (entries.length === 0) return { problem: 'must list proxies (addresses, CIDR subnets, loopback, linklocal, uniquelocal) or be none' };
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      return { problem: `"${entry}" is not an IP address, a CIDR subnet, loopback, linklocal or uniquelocal` };
    }
  }
  return { proxies: entries };
}

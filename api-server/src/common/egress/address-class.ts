import ipaddr from 'ipaddr.js';

/**
 * Why an address is not a public destination, or null when it is one (public unicast).
 *
 * Refused: loopback, private (RFC 1918), link-local (169.254/16 with the cloud metadata services,
 * fe80::/10), unique-local (fc00::/7), multicast, unspecified (0.0.0.0/8, ::), broadcast,
 * reserved and documentation ranges, CGNAT (100.64/10), and every other special range ipaddr.js
 * knows. IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96
 * and 64:ff9b:1::/48, 6to4 2002::/16) are judged by that IPv4 address; Teredo and the translated
 * form (::ffff:0:a.b.c.d) are refused outright.
 *
 * The address must be one `dns.lookup` or a URL parser produced; text that is no IP is `invalid`.
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') {
    return refusedIpv4(parsed as ipaddr.IPv4);
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  switch (range) {
    case 'unicast':
      return null;
    case 'ipv4Mapped':
      return refusedIpv4(v6.toIPv4Address());
    case 'rfc6052':
      return refusedIpv4(embeddedIpv4(v6, 12));
    case '6to4':
      return refusedIpv4(embeddedIpv4(v6, 2));
    default:
      return range;
  }
}

function refusedIpv4(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === 'unicast' ? null : range;
}

/** The four bytes of an IPv4 address embedded in an IPv6 one, from byte `offset`. */
function embeddedIpv4(address: ipaddr.IPv6, offset: number): ipaddr.IPv4 {
  const bytes = address.toByteArray().slice(offset, offset + 4);
  return new ipaddr.IPv4(bytes);
}

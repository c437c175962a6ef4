// The panel's server resolves the browser's address the way the API does (proxy-addr), over a real
// HTTP server on loopback: what a request's own X-Forwarded-For says is believed only from a
// trusted peer, and then only the addresses right of the first untrusted one.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, compileTrustedProxies } from './client-address.mjs';

let server: Server;
let url = '';
let trust = compileTrustedProxies(undefined);

/** The address the server resolves for a request from this process (127.0.0.1) with this header. */
async function resolved(forwardedFor?: string): Promise<string> {
  const response = await fetch(url, { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } });
  return response.text();
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => res.end(clientAddress(req, trust)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('clientAddress', () => {
  it('trusts loopback by default (nginx on the same host): the right-most address it did not add', async () => {
    trust = compileTrustedProxies(undefined);
    expect(await resolved()).toBe('127.0.0.1');
    expect(await resolved('203.0.113.7')).toBe('203.0.113.7');
    // A browser's own header arrives left of what nginx appended: not believed.
    expect(await resolved('198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    // Loopback hops are skipped (a second local proxy).
    expect(await resolved('203.0.113.7, 127.0.0.1')).toBe('203.0.113.7');
  });

  it('ignores the header of a peer it does not trust: a browser reaching the panel directly', async () => {
    for (const setting of ['none', '10.0.0.0/8']) {
      trust = compileTrustedProxies(setting);
      expect(await resolved('203.0.113.7')).toBe('127.0.0.1');
      expect(await resolved('10.0.0.1, 203.0.113.7')).toBe('127.0.0.1');
    }
  });

  it('walks several trusted hops and stops at an entry that is not an address', async () => {
    trust = compileTrustedProxies('loopback, 10.0.0.0/8');
    expect(await resolved('203.0.113.7, 10.1.1.1, 10.2.2.2')).toBe('203.0.113.7');
    expect(await resolved('203.0.113.7, 192.0.2.1, 10.2.2.2')).toBe('192.0.2.1');
    expect(await resolved('not-an-address, 10.2.2.2')).toBe('10.2.2.2');
    expect(await resolved('2001:db8::1')).toBe('2001:db8::1');
  });
});

describe('compileTrustedProxies', () => {
  it('refuses an entry that is not an address, a subnet or a named range', () => {
    expect(() => compileTrustedProxies('loopback, nginx')).toThrow(/TRUSTED_PROXIES: "nginx" is not an IP address/);
    expect(() => compileTrustedProxies('10.0.0.0/40')).toThrow(/"10.0.0.0\/40"/);
  });
});

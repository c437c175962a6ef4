// The egress agent against real listeners on loopback: refused destinations are never connected
// to (each listener counts the connections it accepted), names are checked by what they resolve
// to, every redirect hop is checked, and what EGRESS_ALLOW names works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEgressAllowList } from '../../config/egress-allow-list.js';
import { createEgressAgent, type EgressLookup, isEgressRefusal } from './egress-agent.js';

type Listener = { port: number; connections: number; requests: string[]; server: Server };

/** An HTTP server on 127.0.0.1 that counts TCP connections; `handler` answers. */
async function listener(handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<Listener> {
  const state = { port: 0, connections: 0, requests: [] as string[] };
  const server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    handler(req.url ?? '', res);
  });
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return Object.assign(state, { server });
}

const ok = (_path: string, res: import('node:http').ServerResponse) => res.end('hello from the listener');

describe('egress agent', () => {
  let target: Listener;
  const agents: { close: () => Promise<void> }[] = [];
  const agentWith = (allow: string, lookup?: EgressLookup) => {
    const agent = createEgressAgent({ allow: parseEgressAllowList(allow), lookup, connectTimeoutMs: 2000 });
    agents.push(agent);
    return agent;
  };
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the request should have been refused').not.toBeNull();
    expect(isEgressRefusal(error)).toBe(true);
  };

  beforeAll(async () => {
    target = await listener(ok);
  });
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.close()));
  });
  afterAll(async () => {
    await new Promise((resolve) => target.server.close(resolve));
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `http://2130706433:${port}/`,
    (port: number) => `http://0x7f000001:${port}/`,
    (port: number) => `http://0177.0.0.1:${port}/`,
    (port: number) => `http://127.1:${port}/`,
    (port: number) => `http://0.0.0.0:${port}/`,
    (port: number) => `http://localhost:${port}/`,
  ])('refuses %s without connecting', async (url) => {
    await refusal(fetch(url(target.port), { dispatcher: agentWith('') }));
    expect(target.connections).toBe(0);
  });

  it('refuses a name that resolves to a loopback address, and one with any refused address among public ones', async () => {
    const lookup: EgressLookup = async (name) => (name === 'internal.example' ? ['127.0.0.1'] : ['93.184.215.14', '127.0.0.1']);
    await refusal(fetch(`http://internal.example:${target.port}/`, { dispatcher: agentWith('', lookup) }));
    await refusal(fetch(`http://mixed.example:${target.port}/`, { dispatcher: agentWith('', lookup) }));
    expect(target.connections).toBe(0);
  });

  it('connects where EGRESS_ALLOW says, to the very address it checked', async () => {
    const looked: string[] = [];
    const lookup: EgressLookup = async (name) => {
      looked.push(name);
      return ['127.0.0.1'];
    };
    const byAddress = await fetch(`http://127.0.0.1:${target.port}/a`, { dispatcher: agentWith(`127.0.0.1:${target.port}`) });
    expect(await byAddress.text()).toBe('hello from the listener');

    // A name allowed as such: resolved once for the connection, the socket opened to that address.
    const byName = await fetch(`http://models.internal:${target.port}/b`, {
      dispatcher: agentWith(`models.internal:${target.port}`, lookup),
    });
    expect(await byName.text()).toBe('hello from the listener');
    expect(looked).toEqual(['models.internal']);
    expect(target.requests).toEqual(['/a', '/b']);

    // The port is part of the rule.
    await refusal(fetch(`http://127.0.0.1:${target.port}/c`, { dispatcher: agentWith(`127.0.0.1:${target.port + 1}`) }));
    expect(target.requests).toEqual(['/a', '/b']);
  });

  it('checks every redirect hop: an allowed server cannot send the request on to a refused one', async () => {
    const before = target.connections;
    const redirector = await listener((_path, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${target.port}/internal` }).end();
    });
    try {
      const agent = agentWith(`127.0.0.1:${redirector.port}`);
      await refusal(fetch(`http://127.0.0.1:${redirector.port}/v1/models`, { dispatcher: agent }));
      expect(redirector.requests).toEqual(['/v1/models']);
      expect(target.connections).toBe(before);
    } finally {
      await new Promise((resolve) => redirector.server.close(resolve));
    }
  });
});

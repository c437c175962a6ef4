// Shutting the API down (SIGTERM, a test's app.close()) must not wait for the clients: a graceful
// WebSocket close waits up to 30 s for each peer to answer the closing handshake, and a client
// that is slow to read (a stalled browser tab, a loaded test runner) would hold the whole shutdown.
import type { CreatedSiteDto } from '@chatiq/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

type WithTcp = { io: { engine: { transport: { ws?: { _socket?: { pause(): void } } } } } };

describe('shutdown', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('closes at once although connected clients do not answer the closing handshake', { timeout: 60_000 }, async () => {
    t = await startTestApp();
    const owner = await registerOwner(t.url);
    const site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'S' } })).body;
    const widget = await connectWidget(t.url, site.publicId);
    const admin = await connectAdmin(t.url, owner.accessToken);
    expect((await widget.emitWithAck('visitor:join', {})).ok).toBe(true);
    // Both clients stop reading from their connections: the server's close frame is never answered.
    for (const client of [widget, admin] as unknown as WithTcp[]) {
      const tcp = client.io.engine.transport.ws?._socket;
      if (!tcp) throw new Error('expected a WebSocket transport');
      tcp.pause();
    }
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    widget.close();
    admin.close();
  });
});

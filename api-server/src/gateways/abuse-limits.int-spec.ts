import type { CreatedSiteDto, ServerErrorPayload } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectWidget, newClientId, nextEvent, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('abuse limits', () => {
  let t: TestApp;
  let site: CreatedSiteDto;
  const sockets: WidgetSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SOCKET_EVENTS_PER_SECOND: '10', SOCKET_MAX_STRIKES: '30', SOCKET_MAX_PAYLOAD_BYTES: '20000' });
    const { accessToken } = await registerOwner(t.url);
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: accessToken, body: { name: 'S' } })).body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  async function visitor() {
    const socket = await connectWidget(t.url, site.publicId);
    sockets.push(socket);
    await socket.emitWithAck('visitor:join', {});
    return socket;
  }

  it('refuses a burst over the per-socket budget with rate_limited, and other sockets are unaffected', async () => {
    const noisy = await visitor();
    const quiet = await visitor();
    const acks = await Promise.all(Array.from({ length: 20 }, () => noisy.emitWithAck('visitor:typing', { typing: true })));
    const limited = acks.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(9);
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(11);
    expect(await quiet.emitWithAck('visitor:typing', { typing: true })).toEqual({ ok: true, data: {} });
    expect(noisy.connected).toBe(true);
  });

  it('disconnects a socket that keeps going, after telling it why', async () => {
    const abuser = await visitor();
    const told = nextEvent<ServerErrorPayload>(abuser, 'server:error');
    const gone = new Promise<string>((resolve) => abuser.once('disconnect', resolve));
    for (let i = 0; i < 60; i++) abuser.emit('visitor:typing', { typing: true }, () => {});
    expect((await told).code).toBe('rate_limited');
    expect(await gone).toBe('io server disconnect');
    const survivor = await visitor();
    expect((await survivor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'still fine' })).ok).toBe(true);
  });

  it('refuses messages over the maximum length with a typed error', async () => {
    const socket = await visitor();
    const ack = await socket.emitWithAck('visitor:message', { clientId: newClientId(), text: 'x'.repeat(5001) });
    expect(ack).toMatchObject({ ok: false, code: 'validation_failed', issues: [{ path: ['text'] }] });
  });

  it('drops a connection that sends a frame over the payload limit, without harming others', async () => {
    const socket = await visitor();
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('visitor:message', { clientId: newClientId(), text: 'x'.repeat(50_000) }, () => {});
    expect(await gone).toMatch(/transport (close|error)/);
    const other = await visitor();
    expect((await other.emitWithAck('visitor:typing', { typing: false })).ok).toBe(true);
    expect(await t.prisma.message.count({ where: { text: { startsWith: 'xxxxxxxxxx' } } })).toBe(0);
  });
});

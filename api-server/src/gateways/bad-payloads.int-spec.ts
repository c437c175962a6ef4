import type { CreatedSiteDto, ServerErrorPayload, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAdmin, connectWidget, newClientId, nextEvent, registerOwner, type WidgetSocket } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('bad socket payloads get a typed error; the socket, the server and the data survive', () => {
  let t: TestApp;
  let site: CreatedSiteDto;
  let token: string;
  let visitor: WidgetSocket;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOwner(t.url)).accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'S' } })).body;
    visitor = await connectWidget(t.url, site.publicId);
    await visitor.emitWithAck('visitor:join', {});
    await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'kept safe' });
  });
  afterAll(async () => {
    visitor.close();
    await t.close();
  });

  const bad: [string, unknown][] = [
    ['no payload', undefined],
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['missing text', { clientId: 'abcdefgh-1' }],
    ['empty text', { clientId: 'abcdefgh-2', text: '    ' }],
    ['text too long', { clientId: 'abcdefgh-3', text: 'x'.repeat(5001) }],
    ['text of the wrong type', { clientId: 'abcdefgh-4', text: { $gt: '' } }],
    ['short client id', { clientId: 'a', text: 'hi' }],
  ];

  for (const [what, payload] of bad) {
    it(`visitor:message with ${what} → validation_failed`, async () => {
      const ack = await visitor.emitWithAck('visitor:message', payload as never);
      expect(ack).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(visitor.connected).toBe(true);
    });
  }

  it('names the offending field', async () => {
    const ack = await visitor.emitWithAck('visitor:message', { clientId: 'abcdefgh-9', text: 42 } as never);
    expect(ack).toMatchObject({ ok: false, issues: [{ path: ['text'] }] });
  });

  it('answers without an ack callback through server:error', async () => {
    const error = nextEvent<ServerErrorPayload>(visitor, 'server:error');
    // No ack callback: the typed client requires one, so go around its types.
    (visitor as unknown as { emit: (event: string, payload: unknown) => void }).emit('visitor:message', { text: 1 });
    expect(await error).toMatchObject({ code: 'validation_failed', event: 'visitor:message' });
  });

  it('answers an unknown event with a typed error', async () => {
    const ack = await (visitor as unknown as { emitWithAck: (e: string, p: unknown) => Promise<unknown> }).emitWithAck('drop:tables', {});
    expect(ack).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('refuses a handshake without a site id with a typed error', async () => {
    await expect(connectWidget(t.url, '')).rejects.toMatchObject({ data: { code: 'validation_failed' } });
  });

  it('admin events are validated too', async () => {
    const admin = await connectAdmin(t.url, token);
    expect(await admin.emitWithAck('admin:join', { chatId: 7 } as never)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await admin.emitWithAck('admin:message', { chatId: 'x' } as never)).toMatchObject({ ok: false, code: 'validation_failed' });
    admin.close();
  });

  it('after all that, the same socket still works and nothing was lost or added', async () => {
    const ack = (await visitor.emitWithAck('visitor:join', {})) as { ok: true; data: VisitorJoinResult };
    expect(ack.ok).toBe(true);
    const health = await api(t.url, 'GET', '/health');
    expect(health.status).toBe(200);
    const texts = (await t.prisma.message.findMany({ orderBy: { seq: 'asc' } })).map((m) => m.text);
    expect(texts).toEqual(['kept safe']);
  });
});

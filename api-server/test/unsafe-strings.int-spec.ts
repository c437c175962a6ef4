// A NUL (U+0000) or a lone UTF-16 surrogate (half an emoji) in any input is `validation_failed`
// naming the field, wherever it enters: a REST body, a route parameter, a query string, a socket
// payload. (PostgreSQL refuses both; before, they reached it and came back as 500 internal_error.)
import type { CreatedSiteDto, ErrorBody, SiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  ok,
  registerOwner,
  type WidgetSocket,
} from './support/clients.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NUL = 'bad\u0000name';
const HALF_EMOJI = 'half \ud83d of a smile';

describe('strings nothing can store', () => {
  let t: TestApp;
  let token: string;
  let site: CreatedSiteDto;
  let visitor: WidgetSocket;
  let operator: AdminSocket;
  let visitorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOwner(t.url)).accessToken;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body;
    visitor = await connectWidget(t.url, site.publicId);
    visitorId = ok(await visitor.emitWithAck('visitor:join', {})).visitorId;
    operator = await connectAdmin(t.url, token);
  });
  afterAll(async () => {
    visitor?.close();
    operator?.close();
    await t?.close();
  });

  it('refuses them in a REST body (a site name), naming the field, and stores nothing', async () => {
    for (const name of [NUL, HALF_EMOJI, '\udc00']) {
      const created = await api<ErrorBody>(t.url, 'POST', '/sites', { token, body: { name } });
      expect(created.status, JSON.stringify(name)).toBe(400);
      expect(created.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['name'] }] });
      const renamed = await api<ErrorBody>(t.url, 'PATCH', `/sites/${site.id}`, { token, body: { name } });
      expect(renamed.status).toBe(400);
      expect(renamed.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['name'] }] });
    }
    // Deeper in a body, and in a field's name.
    const nested = await api<ErrorBody>(t.url, 'PATCH', `/sites/${site.id}`, { token, body: { allowedOrigins: ['https://ok.test', NUL] } });
    expect(nested.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['allowedOrigins', 1] }] });
    const key = await api<ErrorBody>(t.url, 'POST', '/sites', { token, rawBody: '{"name":"Fine","x\\u0000":1}' });
    expect(key.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['x\u0000'] }] });
    const sites = (await api<SiteDto[]>(t.url, 'GET', '/sites', { token })).body;
    expect(sites.map((s) => s.name)).toEqual(['Shop']);
    // Whole characters are welcome.
    expect((await api(t.url, 'PATCH', `/sites/${site.id}`, { token, body: { name: 'Shop 😀' } })).status).toBe(200);
  });

  it('refuses them in a visitor message over the socket, and the socket keeps working', async () => {
    for (const text of [NUL, HALF_EMOJI]) {
      const ack = await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text });
      expect(ack).toMatchObject({ ok: false, code: 'validation_failed', issues: [{ path: ['text'] }] });
    }
    const bad = await visitor.emitWithAck('visitor:message', { clientId: `client-${NUL}`, text: 'fine' });
    expect(bad).toMatchObject({ ok: false, code: 'validation_failed', issues: [{ path: ['clientId'] }] });
    const sent = ok(await visitor.emitWithAck('visitor:message', { clientId: newClientId(), text: 'a whole 😀' }));
    expect(sent.message.text).toBe('a whole 😀');
    // The operator's side too.
    const reply = await operator.emitWithAck('admin:message', { chatId: sent.message.chatId, clientId: newClientId(), text: HALF_EMOJI });
    expect(reply).toMatchObject({ ok: false, code: 'validation_failed', issues: [{ path: ['text'] }] });
  });

  it('refuses them in route parameters and query strings (the downloads)', async () => {
    const query = `siteId=${site.publicId}&visitorId=${visitorId}`;
    for (const id of ['%00', 'abc%00def', '%ED%A0%BD']) {
      const widget = await api<ErrorBody>(t.url, 'GET', `/widget/attachments/${id}?${query}`);
      expect(widget.status, id).toBe(400);
      expect(widget.body).toMatchObject({ code: 'validation_failed' });
      const operatorDownload = await api<ErrorBody>(t.url, 'GET', `/attachments/${id}`, { token });
      expect(operatorDownload.status, id).toBe(400);
      expect(operatorDownload.body).toMatchObject({ code: 'validation_failed' });
    }
    const nulInQuery = await api<ErrorBody>(t.url, 'GET', `/widget/attachments/some-id?siteId=${site.publicId}&visitorId=v%00`);
    expect(nulInQuery.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['visitorId'] }] });
    // The parameters of the team routes and of an operator's upload go through the same check.
    expect((await api<ErrorBody>(t.url, 'DELETE', '/team/invitations/a%00b', { token })).body).toMatchObject({ code: 'validation_failed' });
    expect((await api<ErrorBody>(t.url, 'PATCH', '/team/members/a%00b', { token, body: { active: true } })).body).toMatchObject({
      code: 'validation_failed',
    });
    const upload = await fetch(`${t.url}/chats/a%00b/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new FormData(),
    });
    expect(upload.status).toBe(400);
    expect(await upload.json()).toMatchObject({ code: 'validation_failed' });
  });
});

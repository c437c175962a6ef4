// `window.chtq = { organizationId }`: the widget names the organization, and the page's origin
// picks the site, over the socket handshake and the public settings route alike.
import type { CreatedSiteDto, VisitorJoinResult } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectWidget, ok, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('embedding by organization id', () => {
  let t: TestApp;
  let token: string;
  let organizationId: string;
  const site = async (name: string, body: Record<string, unknown> = {}) =>
    (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token, body: { name, ...body } })).body;

  beforeAll(async () => {
    t = await startTestApp();
    const owner = await registerOwner(t.url);
    token = owner.accessToken;
    organizationId = owner.user.organizationId;
  });
  afterAll(async () => {
    await t.close();
  });

  it("uses the organization's only site while it has no origin policy", async () => {
    const only = await site('Only');
    const widget = await connectWidget(t.url, organizationId, 'https://anything.example');
    const joined = ok<VisitorJoinResult>(await widget.emitWithAck('visitor:join', {}));
    widget.close();
    const visitor = await t.prisma.visitor.findUniqueOrThrow({ where: { id: joined.visitorId } });
    expect(visitor.siteId).toBe(only.id);
  });

  it('picks the site whose domains or allowed origins match the page, and refuses other pages', async () => {
    const shop = await site('Shop', { domains: ['shop.example'] });
    const blog = await site('Blog', { allowedOrigins: ['https://blog.example'] });
    const siteOfPage = async (origin: string) => {
      const widget = await connectWidget(t.url, organizationId, origin);
      const joined = ok<VisitorJoinResult>(await widget.emitWithAck('visitor:join', {}));
      widget.close();
      return (await t.prisma.visitor.findUniqueOrThrow({ where: { id: joined.visitorId } })).siteId;
    };
    expect(await siteOfPage('https://www.shop.example')).toBe(shop.id);
    expect(await siteOfPage('https://blog.example')).toBe(blog.id);

    await expect(connectWidget(t.url, organizationId, 'https://evil.example')).rejects.toMatchObject({
      data: { code: 'origin_not_allowed' },
    });
    const settings = await fetch(`${t.url}/widget/sites/${organizationId}/settings`, { headers: { origin: 'https://shop.example' } });
    expect(settings.status).toBe(200);
    const refused = await fetch(`${t.url}/widget/sites/${organizationId}/settings`, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('knows no organization by a made-up id', async () => {
    const res = await fetch(`${t.url}/widget/sites/cnotanorganization000000/settings`, { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'site_not_found' });
  });
});

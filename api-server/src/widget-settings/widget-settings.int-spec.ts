import { get as httpGet } from 'node:http';
import {
  type CreatedSiteDto,
  DEFAULT_WIDGET_SETTINGS,
  type ErrorBody,
  publicWidgetSettingsSchema,
  type WidgetSettingsDto,
  type WidgetSettingsPayload,
  widgetSiteSettingsSchema,
} from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { api, collect, connectWidget, nextEvent, registerOwner, type WidgetSocket, widgetRoundTrip } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const ORIGIN = 'https://shop.example';

/**
 * A GET's status as a browser revalidating its cached copy gets it (fetch() would add
 * `Cache-Control: no-cache` to a request with If-None-Match, which asks the server not to answer 304).
 */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('widget settings: organization defaults, site overrides, live push', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let operator: string;
  let stranger: string;
  let site: CreatedSiteDto;
  let other: CreatedSiteDto;
  const sockets: WidgetSocket[] = [];

  const get = (path: string, token = owner) => api<WidgetSettingsDto>(t.url, 'GET', path, { token });
  const put = (path: string, body: unknown, token = owner) => api<WidgetSettingsDto>(t.url, 'PUT', path, { token, body });
  async function joinedWidget(publicId: string): Promise<WidgetSocket> {
    const socket = await connectWidget(t.url, publicId, ORIGIN);
    sockets.push(socket);
    expect(await socket.emitWithAck('visitor:join', {})).toMatchObject({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerOwner(t.url, 'settings');
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    site = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Shop', allowedOrigins: [ORIGIN] } })).body;
    other = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Blog', allowedOrigins: [ORIGIN] } })).body;
    const op = await createUser(t.prisma, {
      organizationId,
      email: 'operator@settings.example',
      password: 'correct-horse-battery',
      name: 'Operator',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    await t.prisma.siteUser.create({ data: { organizationId, siteId: site.id, userId: op.id } });
    operator = (
      await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', {
        body: { email: 'operator@settings.example', password: 'correct-horse-battery' },
      })
    ).body.accessToken;
    stranger = (await registerOwner(t.url, 'stranger')).accessToken;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const publicSettings = async (publicId: string) => {
    const response = await fetch(`${t.url}/widget/sites/${publicId}/settings`, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
    return publicWidgetSettingsSchema.parse(await response.json());
  };

  it('inherits: built-in defaults, then the organization, then the site; null inherits', async () => {
    expect((await get('/widget-settings')).body.effective).toEqual(DEFAULT_WIDGET_SETTINGS);
    expect((await get(`/sites/${site.id}/widget-settings`)).body.effective).toEqual(DEFAULT_WIDGET_SETTINGS);
    // The widget is told that nothing was set: the built-in title, greeting and language are its own to choose.
    expect(await publicSettings(site.publicId)).toEqual({ ...DEFAULT_WIDGET_SETTINGS, ownerSet: [] });

    const org = await put('/widget-settings', { color: '#FF0000', title: 'Help', language: 'uk' });
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({
      siteId: null,
      settings: { color: '#ff0000', title: 'Help', language: 'uk', welcomeMessage: null, position: null, size: null },
      effective: { ...DEFAULT_WIDGET_SETTINGS, color: '#ff0000', title: 'Help', language: 'uk' },
    });
    // Writing again updates the one organization row.
    await put('/widget-settings', { color: '#ff0000', title: 'Help', language: 'uk' });
    expect(await t.prisma.widgetSettings.count({ where: { organizationId, siteId: null } })).toBe(1);

    const override = await put(`/sites/${site.id}/widget-settings`, { title: 'Shop help', position: 'left', size: 'large', color: null });
    expect(override.status).toBe(200);
    expect(override.body).toMatchObject({
      siteId: site.id,
      settings: { title: 'Shop help', position: 'left', size: 'large', color: null },
      inherited: { color: '#ff0000', title: 'Help', language: 'uk' },
      effective: { ...DEFAULT_WIDGET_SETTINGS, color: '#ff0000', title: 'Shop help', language: 'uk', position: 'left', size: 'large' },
    });
    // The other site only inherits.
    expect((await get(`/sites/${other.id}/widget-settings`)).body.effective).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      color: '#ff0000',
      title: 'Help',
      language: 'uk',
    });
    // The public route gives the widget the same effective settings, and which fields either level set.
    const pub = await fetch(`${t.url}/widget/sites/${site.publicId}/settings`, { headers: { origin: ORIGIN } });
    expect(pub.status).toBe(200);
    expect(pub.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(publicWidgetSettingsSchema.parse(await pub.json())).toEqual({
      ...override.body.effective,
      ownerSet: ['color', 'title', 'position', 'size', 'language'],
    });
    expect(await publicSettings(other.publicId)).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      color: '#ff0000',
      title: 'Help',
      language: 'uk',
      ownerSet: ['color', 'title', 'language'],
    });

    // Clearing the override (all null) falls back to the organization.
    const cleared = await put(`/sites/${site.id}/widget-settings`, {});
    expect(cleared.body.effective).toEqual(cleared.body.inherited);
    expect((await publicSettings(site.publicId)).ownerSet).toEqual(['color', 'title', 'language']);
  });

  it('tells an explicit choice from the built-in default, also when the values are the same', async () => {
    const third = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Docs', allowedOrigins: [ORIGIN] } }))
      .body;
    // The organization chose Ukrainian; this site explicitly chooses English and the built-in title.
    const saved = await put(`/sites/${third.id}/widget-settings`, { language: 'en', title: DEFAULT_WIDGET_SETTINGS.title });
    expect(saved.body.effective.language).toBe('en');
    const pub = await publicSettings(third.publicId);
    expect(pub).toMatchObject({
      language: 'en',
      title: DEFAULT_WIDGET_SETTINGS.title,
      welcomeMessage: DEFAULT_WIDGET_SETTINGS.welcomeMessage,
    });
    expect(pub.ownerSet).toContain('language');
    expect(pub.ownerSet).toContain('title');
    expect(pub.ownerSet).not.toContain('welcomeMessage');
  });

  it('refuses bad input with field paths and stores nothing', async () => {
    const before = await t.prisma.widgetSettings.findMany({ orderBy: { id: 'asc' } });
    for (const path of ['/widget-settings', `/sites/${site.id}/widget-settings`]) {
      const { status, body } = await api<ErrorBody>(t.url, 'PUT', path, {
        token: owner,
        body: { color: 'red', title: '', position: 'top', size: 'huge', language: 'de', welcomeMessage: 'x'.repeat(501) },
      });
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      expect(body.issues?.map((i) => i.path[0]).sort()).toEqual(['color', 'language', 'position', 'size', 'title', 'welcomeMessage']);
    }
    expect(await t.prisma.widgetSettings.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('pushes the effective settings to the connected widgets of the affected sites as settings:update', async () => {
    const shop = await joinedWidget(site.publicId);
    const blog = await joinedWidget(other.publicId);

    // A site override reaches that site's widgets only.
    const shopUpdate = nextEvent<WidgetSettingsPayload>(shop, 'settings:update');
    const blogHeard = collect<WidgetSettingsPayload>(blog, 'settings:update');
    const saved = await put(`/sites/${site.id}/widget-settings`, { welcomeMessage: 'Welcome to the shop' });
    const pushed = await shopUpdate;
    expect(pushed).toEqual({ ...saved.body.effective, ownerSet: ['color', 'title', 'welcomeMessage', 'language'] });
    expect(publicWidgetSettingsSchema.safeParse(pushed).success).toBe(true);
    // Pushed before the answer: a round trip on the blog's widget comes after anything sent to it.
    await widgetRoundTrip(blog);
    expect(blogHeard).toEqual([]);
    blog.off('settings:update');

    // An organization change reaches every site, each merged with its own override.
    const shopAgain = nextEvent<WidgetSettingsPayload>(shop, 'settings:update');
    const blogUpdate = nextEvent<WidgetSettingsPayload>(blog, 'settings:update');
    await put('/widget-settings', { color: '#00aa00', size: 'compact' });
    expect(await shopAgain).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      color: '#00aa00',
      size: 'compact',
      welcomeMessage: 'Welcome to the shop',
      ownerSet: ['color', 'welcomeMessage', 'size'],
    });
    expect(await blogUpdate).toEqual({ ...DEFAULT_WIDGET_SETTINGS, color: '#00aa00', size: 'compact', ownerSet: ['color', 'size'] });
  });

  it('the public route checks the page origin like the socket handshake', async () => {
    const wrong = await api<ErrorBody>(t.url, 'GET', `/widget/sites/${site.publicId}/settings`);
    expect(wrong).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
    const evil = await fetch(`${t.url}/widget/sites/${site.publicId}/settings`, { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ code: 'origin_not_allowed' });
    const unknown = await fetch(`${t.url}/widget/sites/site_nope/settings`, { headers: { origin: ORIGIN } });
    expect(unknown.status).toBe(404);
  });

  it("answers widget.js the launcher's look, cached briefly and revalidated; a change is read at once", async () => {
    const shop = (
      await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name: 'Launcher', allowedOrigins: [ORIGIN] } })
    ).body;
    const ask = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${t.url}/widget/sites/${shop.publicId}/settings${query}`, { headers: { origin: ORIGIN, ...headers } });
    await put(`/sites/${shop.id}/widget-settings`, { position: 'left', color: '#fde047', language: 'uk' });
    // The embed's unsupported position is ignored; its size wins; the owner chose Ukrainian.
    const query = '?locale=en-US&size=LARGE&position=top';
    const first = await ask(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toMatch(/origin/i);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const body = widgetSiteSettingsSchema.parse(await first.json());
    expect(body.launcher).toEqual({ language: 'uk', color: '#fde047', onColor: '#111827', position: 'left', size: 'large' });
    expect(body).toMatchObject({ position: 'left', color: '#fde047', language: 'uk' });
    expect(await statusOf(`${t.url}/widget/sites/${shop.publicId}/settings${query}`, { origin: ORIGIN, 'if-none-match': etag })).toBe(304);

    // The site's change and the organization's are read at once (the API's cache is dropped), with a new ETag.
    await put(`/sites/${shop.id}/widget-settings`, { color: '#fde047' });
    expect(await statusOf(`${t.url}/widget/sites/${shop.publicId}/settings${query}`, { origin: ORIGIN, 'if-none-match': etag })).toBe(200);
    const changed = await ask(query);
    expect(widgetSiteSettingsSchema.parse(await changed.json()).launcher).toEqual({
      language: 'en',
      color: '#fde047',
      onColor: '#111827',
      position: 'right',
      size: 'large',
    });
    const before = (await get('/widget-settings')).body.settings;
    await put('/widget-settings', { ...before, position: 'left' });
    expect(widgetSiteSettingsSchema.parse(await (await ask('?locale=uk-UA')).json()).launcher).toMatchObject({
      position: 'left',
      language: 'uk',
    });
    await put('/widget-settings', before);

    // Refusals are not cached: a page the owner allows next works at once.
    const refused = await fetch(`${t.url}/widget/sites/${shop.publicId}/settings`, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('cache-control') ?? '').not.toMatch(/max-age/);
    const long = await ask(`?color=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('an assigned operator reads but may not write; another organization gets 404 and its own defaults', async () => {
    expect((await get(`/sites/${site.id}/widget-settings`, operator)).status).toBe(200);
    expect((await get('/widget-settings', operator)).status).toBe(200);
    const before = await t.prisma.widgetSettings.findMany({ orderBy: { id: 'asc' } });
    expect((await put(`/sites/${site.id}/widget-settings`, { title: 'Nope' }, operator)).body).toMatchObject({ code: 'forbidden' });
    expect((await put('/widget-settings', { title: 'Nope' }, operator)).body).toMatchObject({ code: 'forbidden' });
    expect((await get(`/sites/${other.id}/widget-settings`, operator)).status).toBe(404);

    expect((await get(`/sites/${site.id}/widget-settings`, stranger)).status).toBe(404);
    expect((await put(`/sites/${site.id}/widget-settings`, { title: 'Nope' }, stranger)).status).toBe(404);
    expect(await t.prisma.widgetSettings.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    // The stranger's organization has its own defaults, untouched by ours.
    expect((await get('/widget-settings', stranger)).body.effective).toEqual(DEFAULT_WIDGET_SETTINGS);
  });
});

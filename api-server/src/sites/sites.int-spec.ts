import type { CreatedSiteDto, ErrorBody, RotatedSiteKeyDto, SiteDetailDto, SiteDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { api, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import type { Role } from '../generated/prisma/client.js';
import { hashApiKey } from './site-keys.js';

describe('sites: read, edit, rotate the key, delete', () => {
  let t: TestApp;
  let owner: string;
  let organizationId: string;
  let admin: string;
  let operator: string;
  let operatorId: string;
  let stranger: string;

  async function member(role: Role, email: string): Promise<{ id: string; token: string }> {
    const user = await createUser(t.prisma, {
      organizationId,
      email,
      password: 'correct-horse-battery',
      name: email,
      role,
      bcryptRounds: 4,
    });
    const login = await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', { body: { email, password: 'correct-horse-battery' } });
    return { id: user.id, token: login.body.accessToken };
  }
  const newSite = async (name = 'Shop') =>
    (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner, body: { name, domains: ['shop.example'] } })).body;

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await registerOwner(t.url, 'sites');
    owner = registered.accessToken;
    organizationId = registered.user.organizationId;
    admin = (await member('ADMIN', 'admin@sites.example')).token;
    const op = await member('OPERATOR', 'operator@sites.example');
    operator = op.token;
    stranger = (await registerOwner(t.url, 'stranger')).accessToken;
    operatorId = op.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a site with its embed data and the last characters of its key, never the key', async () => {
    const site = await newSite();
    const { status, body } = await api<SiteDetailDto>(t.url, 'GET', `/sites/${site.id}`, { token: owner });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: site.id,
      publicId: site.publicId,
      name: 'Shop',
      domains: ['shop.example'],
      apiKeyLast4: site.apiKey.slice(-4),
      embed: { siteId: site.publicId, organizationId },
    });
    expect(JSON.stringify(body)).not.toContain(site.apiKey);
  });

  it('edits name, domains and allowed origins; only the fields sent change', async () => {
    const site = await newSite();
    const renamed = await api<SiteDetailDto>(t.url, 'PATCH', `/sites/${site.id}`, { token: admin, body: { name: '  Shop 2 ' } });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Shop 2', domains: ['shop.example'], allowedOrigins: [] } });
    const edited = await api<SiteDetailDto>(t.url, 'PATCH', `/sites/${site.id}`, {
      token: owner,
      body: { domains: ['Example.COM', 'example.com'], allowedOrigins: ['http://localhost:3002/'] },
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { name: 'Shop 2', domains: ['example.com'], allowedOrigins: ['http://localhost:3002'] },
    });
    const stored = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(stored).toMatchObject({ name: 'Shop 2', domains: ['example.com'], allowedOrigins: ['http://localhost:3002'] });
  });

  it('refuses bad input with field paths and stores nothing', async () => {
    const site = await newSite('Untouched');
    const before = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    const { status, body } = await api<ErrorBody>(t.url, 'PATCH', `/sites/${site.id}`, {
      token: owner,
      body: { name: '', domains: ['ok.example', 'not a domain'], allowedOrigins: ['https://a.example/path'] },
    });
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    expect(body.issues?.map((i) => i.path)).toEqual(expect.arrayContaining([['name'], ['domains', 1], ['allowedOrigins', 0]]));
    const empty = await api<ErrorBody>(t.url, 'PATCH', `/sites/${site.id}`, { token: owner, body: {} });
    expect(empty).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).toEqual(before);
  });

  it('rotates the key: the new one is shown once, the stored hash changes, the old key no longer matches', async () => {
    const site = await newSite();
    const before = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(before.apiKeyHash).toBe(hashApiKey(site.apiKey));
    const { status, body } = await api<RotatedSiteKeyDto>(t.url, 'POST', `/sites/${site.id}/rotate-key`, { token: admin });
    expect(status).toBe(201);
    expect(body.apiKey).toMatch(/^ciq_/);
    expect(body.apiKey).not.toBe(site.apiKey);
    expect(body.apiKeyLast4).toBe(body.apiKey.slice(-4));
    const after = await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(after.apiKeyHash).toBe(hashApiKey(body.apiKey));
    expect(after.apiKeyHash).not.toBe(hashApiKey(site.apiKey));
    expect(after.apiKeyLast4).toBe(body.apiKeyLast4);
    // Shown once: reading the site afterwards gives only the last characters.
    const read = await api<SiteDetailDto>(t.url, 'GET', `/sites/${site.id}`, { token: owner });
    expect(JSON.stringify(read.body)).not.toContain(body.apiKey);
    expect(read.body.apiKeyLast4).toBe(body.apiKeyLast4);
  });

  it('deletes a site for the owner only', async () => {
    const site = await newSite('Doomed');
    expect((await api<ErrorBody>(t.url, 'DELETE', `/sites/${site.id}`, { token: admin })).body).toMatchObject({ code: 'forbidden' });
    expect(await t.prisma.site.count({ where: { id: site.id } })).toBe(1);
    expect((await api(t.url, 'DELETE', `/sites/${site.id}`, { token: owner })).status).toBe(204);
    expect(await t.prisma.site.count({ where: { id: site.id } })).toBe(0);
    expect((await api<ErrorBody>(t.url, 'GET', `/sites/${site.id}`, { token: owner })).status).toBe(404);
  });

  it('an operator reads the sites assigned to them but changes nothing; other sites are 404', async () => {
    const assigned = await newSite('Assigned');
    const other = await newSite('Not assigned');
    await t.prisma.siteUser.create({ data: { organizationId, siteId: assigned.id, userId: operatorId } });

    expect((await api<SiteDetailDto>(t.url, 'GET', `/sites/${assigned.id}`, { token: operator })).status).toBe(200);
    expect((await api<SiteDto[]>(t.url, 'GET', '/sites', { token: operator })).body.map((s) => s.id)).toEqual([assigned.id]);
    for (const [method, path, body] of [
      ['PATCH', `/sites/${assigned.id}`, { name: 'Hijacked' }],
      ['POST', `/sites/${assigned.id}/rotate-key`, undefined],
      ['DELETE', `/sites/${assigned.id}`, undefined],
    ] as const) {
      expect((await api<ErrorBody>(t.url, method, path, { token: operator, body })).body, `${method} ${path}`).toMatchObject({
        code: 'forbidden',
      });
    }
    expect((await api(t.url, 'GET', `/sites/${other.id}`, { token: operator })).status).toBe(404);
    expect((await api(t.url, 'PATCH', `/sites/${other.id}`, { token: operator, body: { name: 'x' } })).status).toBe(404);
    expect(await t.prisma.site.findUniqueOrThrow({ where: { id: assigned.id } })).toMatchObject({
      name: 'Assigned',
      apiKeyHash: hashApiKey(assigned.apiKey),
    });
  });

  it("another organization's owner gets 404 on everything and changes nothing", async () => {
    const site = await newSite('Private');
    for (const [method, path, body] of [
      ['GET', `/sites/${site.id}`, undefined],
      ['PATCH', `/sites/${site.id}`, { name: 'Hijacked' }],
      ['POST', `/sites/${site.id}/rotate-key`, undefined],
      ['DELETE', `/sites/${site.id}`, undefined],
    ] as const) {
      const res = await api<ErrorBody>(t.url, method, path, { token: stranger, body });
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { code: 'site_not_found' } });
      expect(JSON.stringify(res.body)).not.toContain('Private');
    }
    expect(await t.prisma.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      name: 'Private',
      apiKeyHash: hashApiKey(site.apiKey),
    });
  });
});

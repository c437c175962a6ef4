// GET /team/colleagues?siteId=: whom a chat of a site can be transferred to, for every role, only
// for a site the caller can see; the list matches who `chat:assign` accepts.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, ColleagueDto, CreatedSiteDto, ErrorBody, Role } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import { type AdminSocket, api, connectAdmin, connectWidget, newClientId, ok, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const PASSWORD = 'correct-horse-battery';

describe('GET /team/colleagues', () => {
  let t: TestApp;
  let owner: AuthResponse;
  let siteA: CreatedSiteDto;
  let siteB: CreatedSiteDto;
  const members: Record<string, { id: string; token: string; email: string; name: string; role: Role }> = {};
  const sockets: AdminSocket[] = [];

  const colleagues = (token: string, siteId?: string) =>
    api<ColleagueDto[] & ErrorBody>(
      t.url,
      'GET',
      siteId === undefined ? '/team/colleagues' : `/team/colleagues?siteId=${encodeURIComponent(siteId)}`,
      {
        token,
      },
    );

  /** A member made in the database, then signed in through the API. */
  async function member(key: string, name: string, role: Role, siteIds: string[] = [], active = true) {
    const email = `${key.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`;
    const user = await createUser(t.prisma, {
      organizationId: owner.user.organizationId,
      email,
      password: PASSWORD,
      name,
      role,
      bcryptRounds: 4,
    });
    for (const siteId of siteIds) {
      await t.prisma.siteUser.create({ data: { organizationId: owner.user.organizationId, siteId, userId: user.id } });
    }
    const login = await api<AuthResponse>(t.url, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    if (!active) await t.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    members[key] = { id: user.id, token: login.body.accessToken, email, name, role };
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT: '1000' });
    owner = await registerOwner(t.url, 'colleagues');
    siteA = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Site A' } })).body;
    siteB = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Site B' } })).body;
    await member('admin', 'Bohdana Admin', 'ADMIN');
    await member('opA', 'Anna Operator', 'OPERATOR', [siteA.id]);
    await member('opAB', 'Cyril Operator', 'OPERATOR', [siteA.id, siteB.id]);
    await member('opB', 'Dmytro Operator', 'OPERATOR', [siteB.id]);
    await member('gone', 'Ihor Gone', 'OPERATOR', [siteA.id], false);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it("lists the site's owners, admins and assigned operators (active ones), by name, for every role", async () => {
    const expectedA = [
      { id: members.opA!.id, name: 'Anna Operator', email: members.opA!.email, role: 'OPERATOR' },
      { id: members.admin!.id, name: 'Bohdana Admin', email: members.admin!.email, role: 'ADMIN' },
      { id: members.opAB!.id, name: 'Cyril Operator', email: members.opAB!.email, role: 'OPERATOR' },
      { id: owner.user.id, name: owner.user.name, email: owner.user.email, role: 'OWNER' },
    ];
    for (const token of [owner.accessToken, members.admin!.token, members.opA!.token, members.opAB!.token]) {
      const { status, body } = await colleagues(token, siteA.id);
      expect(status).toBe(200);
      expect(body).toEqual(expectedA);
    }
    const siteBList = await colleagues(members.opB!.token, siteB.id);
    expect(siteBList.status).toBe(200);
    expect(siteBList.body.map((c) => c.name)).toEqual(['Bohdana Admin', 'Cyril Operator', 'Dmytro Operator', owner.user.name]);
    // No password hash or other member fields leak.
    expect(Object.keys(siteBList.body[0]!).sort()).toEqual(['email', 'id', 'name', 'role']);
  });

  it('an operator asking about a site not assigned to them gets 404 site_not_found', async () => {
    const { status, body } = await colleagues(members.opA!.token, siteB.id);
    expect(status).toBe(404);
    expect(body.code).toBe('site_not_found');
    const other = await colleagues(members.opB!.token, siteA.id);
    expect(other.status).toBe(404);
  });

  it("another organization's owner gets 404 for this organization's site, and sees only their own team", async () => {
    const intruder = await registerOwner(t.url, 'intruder');
    const { status, body } = await colleagues(intruder.accessToken, siteA.id);
    expect(status).toBe(404);
    expect(body.code).toBe('site_not_found');
    expect(JSON.stringify(body)).not.toContain(members.opA!.email);
    const own = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: intruder.accessToken, body: { name: 'Theirs' } })).body;
    const theirs = await colleagues(intruder.accessToken, own.id);
    expect(theirs.body.map((c) => c.id)).toEqual([intruder.user.id]);
    // This organization's members cannot ask about the intruder's site either.
    expect((await colleagues(owner.accessToken, own.id)).status).toBe(404);
  });

  it('refuses a missing site id and an anonymous caller', async () => {
    const missing = await colleagues(owner.accessToken);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect((await api(t.url, 'GET', `/team/colleagues?siteId=${siteA.id}`)).status).toBe(401);
  });

  it('whoever it lists can be assigned a chat of the site, and someone it leaves out cannot', async () => {
    const widget = await connectWidget(t.url, siteA.publicId);
    ok(await widget.emitWithAck('visitor:join', {}));
    const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: 'hello' }));
    widget.close();
    const socket = await connectAdmin(t.url, members.opA!.token);
    sockets.push(socket);
    for (const colleague of (await colleagues(members.opA!.token, siteA.id)).body) {
      const ack = await socket.emitWithAck('chat:assign', { chatId: message.chatId, operatorId: colleague.id });
      expect(ack, colleague.name).toMatchObject({ ok: true, data: { chat: { assignedOperatorId: colleague.id } } });
    }
    for (const outsider of [members.opB!.id, members.gone!.id]) {
      expect(await socket.emitWithAck('chat:assign', { chatId: message.chatId, operatorId: outsider })).toMatchObject({ ok: false });
    }
  });
});

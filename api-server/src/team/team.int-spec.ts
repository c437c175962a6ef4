// Team: the permission table per role, invitations by mail over a real SMTP server, site
// assignments, last-owner protection, deactivation (sockets disconnected at once), tenant scoping.
import type {
  AuthResponse,
  ChatSummaryDto,
  CreatedSiteDto,
  ErrorBody,
  InvitationDto,
  MemberDto,
  MessageAckData,
  ServerErrorPayload,
  SiteDto,
} from '@chatiq/contracts';
import { OPERATOR_NEEDS_SITE } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../prisma/factories.js';
import {
  type AdminSocket,
  api,
  connectAdmin,
  connectWidget,
  newClientId,
  registerOwner,
  serverDisconnect,
} from '../../test/support/clients.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

const PASSWORD = 'correct-horse-battery';
const ADMIN_URL = 'https://admin.chatiq.test';

/** The token of the last invitation link mailed to `email`. */
function invitationTokenFor(smtp: SmtpServer, email: string): string {
  const mail = smtp.to(email).at(-1);
  const match = mail?.text.match(/https:\/\/admin\.chatiq\.test\/accept-invite\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link mailed to ${email}`);
  return match[1]!;
}

describe('team', () => {
  let t: TestApp;
  let smtp: SmtpServer;
  let owner: AuthResponse;
  let siteA: CreatedSiteDto;
  let siteB: CreatedSiteDto;
  const chats: Record<string, string> = {};
  const sockets: AdminSocket[] = [];

  const invite = (token: string, body: unknown) => api<InvitationDto & ErrorBody>(t.url, 'POST', '/team/invitations', { token, body });
  const accept = (token: string, name = 'New Member', password = PASSWORD) =>
    api<AuthResponse & ErrorBody>(t.url, 'POST', '/team/invitations/accept', { body: { token, name, password } });
  const patch = (token: string, userId: string, body: unknown) =>
    api<MemberDto & ErrorBody>(t.url, 'PATCH', `/team/members/${userId}`, { token, body });
  /** Invites by mail as `inviter` and accepts the mailed link; returns the new member's sign-in. */
  const join = async (inviter: string, email: string, role: 'ADMIN' | 'OPERATOR', siteIds?: string[]) => {
    const sent = await invite(inviter, { email, role, siteIds });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const accepted = await accept(invitationTokenFor(smtp, email));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    return accepted.body;
  };
  const chatIn = async (site: CreatedSiteDto, text: string) => {
    const widget = await connectWidget(t.url, site.publicId);
    await widget.emitWithAck('visitor:join', {});
    const sent = (await widget.emitWithAck('visitor:message', { clientId: newClientId(), text })) as { ok: true; data: MessageAckData };
    widget.close();
    return sent.data.message.chatId;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'ChatIQ <noreply@chatiq.test>', ADMIN_URL, AUTH_RATE_LIMIT: '1000' });
    owner = await registerOwner(t.url, 'team');
    siteA = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Site A' } })).body;
    siteB = (await api<CreatedSiteDto>(t.url, 'POST', '/sites', { token: owner.accessToken, body: { name: 'Site B' } })).body;
    chats.a = await chatIn(siteA, 'hello from A');
    chats.b = await chatIn(siteB, 'hello from B');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await smtp?.close();
  });

  it('invite → mail over SMTP → accept → the operator signs in and sees only the assigned site', async () => {
    const sent = await invite(owner.accessToken, { email: 'Op.One@Example.com', role: 'OPERATOR', siteIds: [siteA.id] });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ email: 'op.one@example.com', role: 'OPERATOR', siteIds: [siteA.id] });
    expect(JSON.stringify(sent.body)).not.toMatch(/token/i);
    const stored = await t.prisma.invitation.findUniqueOrThrow({ where: { id: sent.body.id } });
    const token = invitationTokenFor(smtp, 'op.one@example.com');
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const accepted = await accept(token, 'Op One');
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'op.one@example.com', role: 'OPERATOR', organizationId: owner.user.organizationId });
    expect((await api(t.url, 'GET', '/auth/me', { token: accepted.body.accessToken })).status).toBe(200);

    const login = await api<AuthResponse>(t.url, 'POST', '/auth/login', { body: { email: 'op.one@example.com', password: PASSWORD } });
    expect(login.status).toBe(200);
    const seen = await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: login.body.accessToken });
    expect(seen.status).toBe(200);
    expect(seen.body.map((c) => c.id)).toEqual([chats.a]);
    expect((await api(t.url, 'GET', `/chats/${chats.b}/messages`, { token: login.body.accessToken })).status).toBe(404);
    const sites = await api<SiteDto[]>(t.url, 'GET', '/sites', { token: login.body.accessToken });
    expect(sites.body.map((s) => s.id)).toEqual([siteA.id]);

    // Assigning site B too (as the owner) shows its chats at once.
    const members = await api<MemberDto[]>(t.url, 'GET', '/team/members', { token: owner.accessToken });
    const op = members.body.find((m) => m.email === 'op.one@example.com')!;
    expect(op).toMatchObject({ role: 'OPERATOR', active: true, siteIds: [siteA.id] });
    expect((await patch(owner.accessToken, op.id, { siteIds: [siteA.id, siteB.id] })).body.siteIds.sort()).toEqual(
      [siteA.id, siteB.id].sort(),
    );
    const after = await api<ChatSummaryDto[]>(t.url, 'GET', '/chats', { token: login.body.accessToken });
    expect(after.body.map((c) => c.id).sort()).toEqual([chats.a, chats.b].sort());
  });

  it('an invitation works once and not after it expires', async () => {
    await invite(owner.accessToken, { email: 'once@example.com', role: 'OPERATOR', siteIds: [siteA.id] });
    const token = invitationTokenFor(smtp, 'once@example.com');
    expect((await accept(token)).status).toBe(201);
    const again = await accept(token);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invalid_invitation');

    const sent = await invite(owner.accessToken, { email: 'late@example.com', role: 'OPERATOR', siteIds: [siteA.id] });
    await t.prisma.invitation.update({ where: { id: sent.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await accept(invitationTokenFor(smtp, 'late@example.com'));
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('invalid_invitation');
    expect(await t.prisma.user.count({ where: { email: 'late@example.com' } })).toBe(0);

    expect((await accept('not-a-token')).body.code).toBe('invalid_invitation');
    const bad = await api<ErrorBody>(t.url, 'POST', '/team/invitations/accept', { body: { token: 'x', name: '', password: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.issues?.map((i) => i.path[0]).sort()).toEqual(['name', 'password']);
  });

  it('enforces the permission table on every team route', async () => {
    const admin = await join(owner.accessToken, 'admin@example.com', 'ADMIN');
    const operator = await join(owner.accessToken, 'op.two@example.com', 'OPERATOR', [siteA.id]);
    const tokens = { OWNER: owner.accessToken, ADMIN: admin.accessToken, OPERATOR: operator.accessToken };
    const target = await createUser(t.prisma, {
      organizationId: owner.user.organizationId,
      email: 'target@example.com',
      password: PASSWORD,
      name: 'Target',
      role: 'OPERATOR',
      bcryptRounds: 4,
    });
    let n = 0;
    const freshInvitation = async () =>
      (await invite(owner.accessToken, { email: `pending-${n++}@example.com`, role: 'OPERATOR', siteIds: [siteA.id] })).body.id;

    type Probe = { name: string; call: (token: string) => Promise<{ status: number }>; expected: Record<keyof typeof tokens, number> };
    const probes: Probe[] = [
      {
        name: 'GET /team/members',
        call: (tk) => api(t.url, 'GET', '/team/members', { token: tk }),
        expected: { OWNER: 200, ADMIN: 200, OPERATOR: 403 },
      },
      {
        name: 'GET /team/invitations',
        call: (tk) => api(t.url, 'GET', '/team/invitations', { token: tk }),
        expected: { OWNER: 200, ADMIN: 200, OPERATOR: 403 },
      },
      {
        name: 'POST /team/invitations (OPERATOR)',
        call: (tk) => invite(tk, { email: `op-${n++}@example.com`, role: 'OPERATOR', siteIds: [siteB.id] }),
        expected: { OWNER: 201, ADMIN: 201, OPERATOR: 403 },
      },
      {
        name: 'POST /team/invitations (ADMIN)',
        call: (tk) => invite(tk, { email: `adm-${n++}@example.com`, role: 'ADMIN' }),
        expected: { OWNER: 201, ADMIN: 403, OPERATOR: 403 },
      },
      {
        name: 'DELETE /team/invitations/:id',
        call: async (tk) => api(t.url, 'DELETE', `/team/invitations/${await freshInvitation()}`, { token: tk }),
        expected: { OWNER: 204, ADMIN: 204, OPERATOR: 403 },
      },
      {
        name: "PATCH an operator's sites",
        call: (tk) => patch(tk, target.id, { siteIds: [siteB.id] }),
        expected: { OWNER: 200, ADMIN: 200, OPERATOR: 403 },
      },
      {
        name: 'PATCH an operator to ADMIN',
        call: async (tk) => {
          const res = await patch(tk, target.id, { role: 'ADMIN' });
          await t.prisma.user.update({ where: { id: target.id }, data: { role: 'OPERATOR' } });
          return res;
        },
        expected: { OWNER: 200, ADMIN: 403, OPERATOR: 403 },
      },
      {
        name: "PATCH an admin's sites",
        call: (tk) => patch(tk, admin.user.id, { siteIds: [] }),
        expected: { OWNER: 200, ADMIN: 403, OPERATOR: 403 },
      },
      {
        name: 'PATCH the owner',
        call: (tk) => patch(tk, owner.user.id, { siteIds: [] }),
        expected: { OWNER: 200, ADMIN: 403, OPERATOR: 403 },
      },
    ];
    const got: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    for (const probe of probes) {
      got[probe.name] = {};
      want[probe.name] = probe.expected;
      for (const role of ['OWNER', 'ADMIN', 'OPERATOR'] as const) got[probe.name]![role] = (await probe.call(tokens[role])).status;
    }
    expect(got).toEqual(want);
    // Refused invitations were not stored, nor mailed.
    expect(await t.prisma.invitation.count({ where: { email: { startsWith: 'adm-' } } })).toBe(1);
  });

  it('keeps the last active owner', async () => {
    const other = await registerOwner(t.url, 'solo');
    const demote = await patch(other.accessToken, other.user.id, { role: 'ADMIN' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_owner');
    expect((await patch(other.accessToken, other.user.id, { active: false })).body.code).toBe('last_owner');
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: other.user.id } })).role).toBe('OWNER');

    // With a second owner, the first may step down.
    const second = await createUser(t.prisma, {
      organizationId: other.user.organizationId,
      email: 'second-owner@example.com',
      password: PASSWORD,
      name: 'Second',
      role: 'ADMIN',
      bcryptRounds: 4,
    });
    expect((await patch(other.accessToken, second.id, { role: 'OWNER' })).status).toBe(200);
    expect((await patch(other.accessToken, other.user.id, { role: 'ADMIN' })).body.role).toBe('ADMIN');
    // Now an ADMIN: the team routes for owners are closed to them at once (same token).
    expect((await patch(other.accessToken, second.id, { role: 'ADMIN' })).status).toBe(403);
  });

  it('deactivating a member disconnects their admin socket at once and refuses their token', async () => {
    const member = await join(owner.accessToken, 'leaver@example.com', 'OPERATOR', [siteA.id]);
    const socket = await connectAdmin(t.url, member.accessToken);
    sockets.push(socket);
    const ended = new Promise<{ reason: string; error?: ServerErrorPayload }>((resolve, reject) => {
      let error: ServerErrorPayload | undefined;
      socket.on('server:error', (payload) => {
        error = payload;
      });
      const timer = setTimeout(() => reject(new Error('socket still connected')), 3000);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve({ reason, error });
      });
    });
    const res = await patch(owner.accessToken, member.user.id, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    const { reason, error } = await ended;
    expect(reason).toBe('io server disconnect');
    expect(error?.code).toBe('unauthorized');
    expect((await api(t.url, 'GET', '/chats', { token: member.accessToken })).status).toBe(401);
    await expect(connectAdmin(t.url, member.accessToken)).rejects.toThrow();
    const login = await api<ErrorBody>(t.url, 'POST', '/auth/login', { body: { email: 'leaver@example.com', password: PASSWORD } });
    expect(login.status).toBe(401);
    expect(await t.prisma.session.count({ where: { userId: member.user.id } })).toBe(0);

    // Reactivated, they can sign in again.
    expect((await patch(owner.accessToken, member.user.id, { active: true })).body.active).toBe(true);
    expect((await api(t.url, 'POST', '/auth/login', { body: { email: 'leaver@example.com', password: PASSWORD } })).status).toBe(200);
  });

  it("a new role or new sites close the member's sockets with permissions_changed; reconnected, they see the new view", async () => {
    const member = await join(owner.accessToken, 'mover@example.com', 'OPERATOR', [siteA.id]);
    const before = await connectAdmin(t.url, member.accessToken);
    sockets.push(before);
    const ended = serverDisconnect(before);
    expect((await patch(owner.accessToken, member.user.id, { siteIds: [siteB.id] })).status).toBe(200);
    expect((await ended).error?.code).toBe('permissions_changed');

    // Same token, new sockets: site B's chats, no longer site A's.
    const after = await connectAdmin(t.url, member.accessToken);
    sockets.push(after);
    expect(await after.emitWithAck('admin:join', { chatId: chats.b! })).toMatchObject({ ok: true });
    expect(await after.emitWithAck('admin:join', { chatId: chats.a! })).toMatchObject({ ok: false, code: 'chat_not_found' });
    const updates: string[] = [];
    after.on('chats:updated', ({ chats }) => updates.push(...chats.map((chat) => chat.siteId)));
    await chatIn(siteA, 'after the move, in A');
    await chatIn(siteB, 'after the move, in B');
    await expect.poll(() => updates).toContain(siteB.id);
    expect(updates).not.toContain(siteA.id);

    // Promoted to ADMIN: every site, after reconnecting.
    const promoted = serverDisconnect(after);
    expect((await patch(owner.accessToken, member.user.id, { role: 'ADMIN' })).status).toBe(200);
    expect((await promoted).error?.code).toBe('permissions_changed');
    const admin = await connectAdmin(t.url, member.accessToken);
    sockets.push(admin);
    expect(await admin.emitWithAck('admin:join', { chatId: chats.a! })).toMatchObject({ ok: true });
  });

  it("another organization's owner gets 404 for this organization's members, invitations and sites", async () => {
    const intruder = await registerOwner(t.url, 'team-intruder');
    const members = await api<MemberDto[]>(t.url, 'GET', '/team/members', { token: owner.accessToken });
    const victimOp = members.body.find((m) => m.role === 'OPERATOR')!;
    const pending = await invite(owner.accessToken, { email: 'victim-pending@example.com', role: 'OPERATOR', siteIds: [siteA.id] });

    const mine = await api<MemberDto[]>(t.url, 'GET', '/team/members', { token: intruder.accessToken });
    expect(mine.body.map((m) => m.id)).toEqual([intruder.user.id]);
    const invitations = await api<InvitationDto[]>(t.url, 'GET', '/team/invitations', { token: intruder.accessToken });
    expect(invitations.body).toEqual([]);

    const p = await patch(intruder.accessToken, victimOp.id, { active: false });
    expect(p.status).toBe(404);
    expect(p.body.code).toBe('not_found');
    expect((await api(t.url, 'DELETE', `/team/invitations/${pending.body.id}`, { token: intruder.accessToken })).status).toBe(404);
    const stolen = await invite(intruder.accessToken, { email: 'spy@example.com', role: 'OPERATOR', siteIds: [siteA.id] });
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('site_not_found');
    const own = await api<{ id: string }>(t.url, 'POST', '/sites', { token: intruder.accessToken, body: { name: 'Mine' } });
    expect((await patch(owner.accessToken, victimOp.id, { siteIds: [own.body.id] })).status).toBe(404);

    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: victimOp.id } })).active).toBe(true);
    expect(await t.prisma.invitation.count({ where: { id: pending.body.id } })).toBe(1);
  });

  it("refuses an operator's invitation that names no site; an admin's needs none", async () => {
    for (const body of [
      { email: 'nowhere@example.com', role: 'OPERATOR' },
      { email: 'nowhere@example.com', role: 'OPERATOR', siteIds: [] },
    ]) {
      const refused = await invite(owner.accessToken, body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['siteIds'], message: OPERATOR_NEEDS_SITE })]);
    }
    expect(await t.prisma.invitation.count({ where: { email: 'nowhere@example.com' } })).toBe(0);
    expect(smtp.to('nowhere@example.com')).toEqual([]);
    const admin = await invite(owner.accessToken, { email: 'admin-everywhere@example.com', role: 'ADMIN' });
    expect(admin.status).toBe(201);
    expect(admin.body.siteIds).toEqual([]);
  });

  it('refuses bad bodies with field paths and stores nothing', async () => {
    const bad = await invite(owner.accessToken, { email: 'nope', role: 'OWNER', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['email', 'role']));
    const empty = await patch(owner.accessToken, owner.user.id, {});
    expect(empty.status).toBe(400);
    const taken = await invite(owner.accessToken, { email: owner.user.email, role: 'OPERATOR', siteIds: [siteA.id] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('email_taken');
  });
});

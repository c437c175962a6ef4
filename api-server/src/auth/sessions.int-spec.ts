// Logout that really invalidates: a revoked token is refused over REST and at the admin socket
// handshake, and the admin sockets opened with it are disconnected at once.
import type { AuthResponse, ErrorBody, UserDto } from '@chatiq/contracts';
import { JwtService } from '@nestjs/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminSocket, api, connectAdmin, registerOwner, serverDisconnect } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const PASSWORD = 'correct-horse-battery';

/** The socket is still served: an event on an unknown chat is answered (with chat_not_found). */
async function stillServed(socket: AdminSocket): Promise<boolean> {
  const ack = await socket.timeout(2000).emitWithAck('admin:typing', { chatId: 'no-such-chat', typing: true });
  return socket.connected && !ack.ok && ack.code === 'chat_not_found';
}

describe('sessions: logout and revocation', () => {
  let t: TestApp;
  const sockets: AdminSocket[] = [];
  const admin = async (token: string) => {
    const socket = await connectAdmin(t.url, token);
    sockets.push(socket);
    return socket;
  };
  const login = async (email: string, password = PASSWORD) =>
    (await api<AuthResponse>(t.url, 'POST', '/auth/login', { body: { email, password } })).body;
  const me = (token: string) => api<UserDto & ErrorBody>(t.url, 'GET', '/auth/me', { token });

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it('every login opens its own session; the token names it and expires with it', async () => {
    const owner = await registerOwner(t.url);
    const second = await login(owner.user.email);
    const sessions = await t.prisma.session.findMany({ where: { userId: owner.user.id } });
    expect(sessions).toHaveLength(2);
    const claims = t.app.get(JwtService).decode<{ sid: string; exp: number }>(second.accessToken);
    expect(sessions.map((s) => s.id)).toContain(claims.sid);
    const session = sessions.find((s) => s.id === claims.sid)!;
    expect(session.expiresAt.toISOString()).toBe(second.expiresAt);
    expect(Math.abs(session.expiresAt.getTime() / 1000 - claims.exp)).toBeLessThanOrEqual(2);
  });

  it('logout revokes this token only: refused over REST and at the socket handshake, the other session lives on', async () => {
    const owner = await registerOwner(t.url);
    const other = await login(owner.user.email);

    const out = await api(t.url, 'POST', '/auth/logout', { token: owner.accessToken });
    expect(out.status).toBe(204);
    expect(out.body).toBeUndefined();

    const refused = await me(owner.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('unauthorized');
    expect((await api<ErrorBody>(t.url, 'GET', '/sites', { token: owner.accessToken })).status).toBe(401);
    await expect(connectAdmin(t.url, owner.accessToken)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    // Logging out twice with the same token: it is no longer a token.
    expect((await api<ErrorBody>(t.url, 'POST', '/auth/logout', { token: owner.accessToken })).status).toBe(401);

    expect((await me(other.accessToken)).status).toBe(200);
    expect(await stillServed(await admin(other.accessToken))).toBe(true);
  });

  it('logout disconnects at once the admin sockets opened with that token, not those of other sessions', async () => {
    const owner = await registerOwner(t.url);
    const other = await login(owner.user.email);
    const mine = [await admin(owner.accessToken), await admin(owner.accessToken)];
    const theirs = await admin(other.accessToken);

    const gone = mine.map((s) => serverDisconnect(s));
    expect((await api(t.url, 'POST', '/auth/logout', { token: owner.accessToken })).status).toBe(204);
    for (const { reason, error } of await Promise.all(gone)) {
      expect(reason).toBe('io server disconnect'); // Socket.IO clients do not retry after this one
      expect(error?.code).toBe('unauthorized');
    }
    // Revoked before the answer, so a round trip after it is the barrier: still answered, still connected.
    expect(await stillServed(theirs)).toBe(true);
  });

  it('logout-all revokes every token of the user and disconnects all their sockets; other users are untouched', async () => {
    const owner = await registerOwner(t.url);
    const phone = await login(owner.user.email);
    const laptop = await login(owner.user.email);
    const stranger = await registerOwner(t.url);
    const mine = [await admin(owner.accessToken), await admin(phone.accessToken), await admin(laptop.accessToken)];
    const strangers = await admin(stranger.accessToken);

    const gone = mine.map((s) => serverDisconnect(s));
    expect((await api(t.url, 'POST', '/auth/logout-all', { token: phone.accessToken })).status).toBe(204);
    for (const { reason } of await Promise.all(gone)) expect(reason).toBe('io server disconnect');

    for (const token of [owner.accessToken, phone.accessToken, laptop.accessToken]) {
      expect((await me(token)).body.code).toBe('unauthorized');
      await expect(connectAdmin(t.url, token)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    }
    expect(await t.prisma.session.count({ where: { userId: owner.user.id } })).toBe(0);

    expect((await me(stranger.accessToken)).status).toBe(200);
    expect(await stillServed(strangers)).toBe(true);

    // Signing in again works as before.
    expect((await me((await login(owner.user.email)).accessToken)).status).toBe(200);
  });

  it('logout takes no body: {} or nothing; unknown fields are refused and revoke nothing', async () => {
    const owner = await registerOwner(t.url);
    for (const path of ['/auth/logout', '/auth/logout-all']) {
      const refused = await api<ErrorBody>(t.url, 'POST', path, { token: owner.accessToken, body: { everywhere: true } });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('validation_failed');
      expect((await me(owner.accessToken)).status).toBe(200);
    }
    expect((await api(t.url, 'POST', '/auth/logout', { token: owner.accessToken, body: {} })).status).toBe(204);
    const again = await login(owner.user.email);
    expect((await api(t.url, 'POST', '/auth/logout-all', { token: again.accessToken })).status).toBe(204);
  });

  it('logout needs a valid token', async () => {
    for (const path of ['/auth/logout', '/auth/logout-all']) {
      const { status, body } = await api<ErrorBody>(t.url, 'POST', path);
      expect(status).toBe(401);
      expect(body.code).toBe('unauthorized');
    }
  });

  it('refuses correctly signed tokens without a live session: no session id, an unknown one, an expired session', async () => {
    const owner = await registerOwner(t.url);
    const jwt = t.app.get(JwtService);
    const base = { sub: owner.user.id, org: owner.user.organizationId, role: 'OWNER' };
    const sessionless = await jwt.signAsync(base);
    const unknown = await jwt.signAsync({ ...base, sid: 'no-such-session' });
    for (const token of [sessionless, unknown]) {
      expect((await me(token)).status).toBe(401);
      await expect(connectAdmin(t.url, token)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    }
    // Another user's session id in an otherwise valid token.
    const stranger = await registerOwner(t.url);
    const strangerSid = jwt.decode<{ sid: string }>(stranger.accessToken).sid;
    expect((await me(await jwt.signAsync({ ...base, sid: strangerSid }))).status).toBe(401);

    await t.prisma.session.updateMany({ where: { userId: owner.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(owner.accessToken)).status).toBe(401);
    // The next login sweeps the expired session.
    await login(owner.user.email);
    expect(await t.prisma.session.count({ where: { userId: owner.user.id } })).toBe(1);
  });

  it('a deactivated user is refused even with a live session', async () => {
    const owner = await registerOwner(t.url);
    await t.prisma.user.update({ where: { id: owner.user.id }, data: { active: false } });
    expect((await me(owner.accessToken)).status).toBe(401);
    await expect(connectAdmin(t.url, owner.accessToken)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });
});

// Password change and reset by emailed link, with the mail going through a real SMTP server.

import { createHash } from 'node:crypto';
import type { AuthResponse, ErrorBody } from '@chatiq/contracts';
import bcrypt from 'bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminSocket, adminRoundTrip, api, connectAdmin, registerOwner, serverDisconnect } from '../../test/support/clients.js';
import { type ReceivedMail, startSmtpServer } from '../../test/support/smtp.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { PasswordService } from './password.service.js';

const PASSWORD = 'correct-horse-battery';
const ADMIN_URL = 'https://admin.chatiq.test';

function tokenFrom(mail: ReceivedMail): string {
  const match = mail.text.match(/https:\/\/admin\.chatiq\.test\/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in:\n${mail.text}`);
  return match[1]!;
}

describe('password change and reset', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const sockets: AdminSocket[] = [];
  const admin = async (token: string) => {
    const socket = await connectAdmin(t.url, token);
    sockets.push(socket);
    return socket;
  };
  const login = (email: string, password: string) =>
    api<AuthResponse & ErrorBody>(t.url, 'POST', '/auth/login', { body: { email, password } });
  const requestReset = (email: string) => api<unknown>(t.url, 'POST', '/auth/password-reset', { body: { email } });
  const confirmReset = (token: string, password: string) =>
    api<ErrorBody>(t.url, 'POST', '/auth/password-reset/confirm', { body: { token, password } });
  /** Asks for a reset of `email` and returns the token of the link that arrives. */
  const resetToken = async (email: string) => {
    const before = smtp.mails.length;
    expect((await requestReset(email)).status).toBe(202);
    const mails = await smtp.received(before + 1);
    return tokenFrom(mails[before]!);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer({ auth: { user: 'mailer', pass: 's3cret' } });
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ChatIQ Test <noreply@chatiq.test>',
      ADMIN_URL: `${ADMIN_URL}/`,
      AUTH_RATE_LIMIT: '1000',
      LOGIN_MAX_FAILURES: '1000',
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
    await smtp.close();
  });

  describe('change (POST /auth/password)', () => {
    it('requires the current password: a wrong one is a field error and changes nothing', async () => {
      const owner = await registerOwner(t.url);
      const { status, body } = await api<ErrorBody>(t.url, 'POST', '/auth/password', {
        token: owner.accessToken,
        body: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' },
      });
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      expect(body.issues?.map((i) => i.path.join('.'))).toEqual(['currentPassword']);
      expect((await login(owner.user.email, PASSWORD)).status).toBe(200);
      expect((await login(owner.user.email, 'a-brand-new-password')).status).toBe(401);
    });

    it('answers bad bodies with field paths and stores nothing', async () => {
      const owner = await registerOwner(t.url);
      const row = await t.prisma.user.findUniqueOrThrow({ where: { id: owner.user.id } });
      const cases: [unknown, string[]][] = [
        [{}, ['currentPassword', 'newPassword']],
        [{ currentPassword: PASSWORD, newPassword: 'short' }, ['newPassword']],
        [{ currentPassword: PASSWORD, newPassword: 'x'.repeat(73) }, ['newPassword']],
        [{ currentPassword: PASSWORD, newPassword: PASSWORD }, ['newPassword']],
        [{ currentPassword: 42, newPassword: ['nope'] }, ['currentPassword', 'newPassword']],
      ];
      for (const [body, paths] of cases) {
        const answer = await api<ErrorBody>(t.url, 'POST', '/auth/password', { token: owner.accessToken, body });
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.code).toBe('validation_failed');
        expect([...new Set(answer.body.issues?.map((i) => i.path.join('.')))].sort(), JSON.stringify(body)).toEqual(paths);
      }
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: owner.user.id } })).passwordHash).toBe(row.passwordHash);
      expect(await t.prisma.session.count({ where: { userId: owner.user.id } })).toBe(1);
    });

    it('needs a token', async () => {
      const { status, body } = await api<ErrorBody>(t.url, 'POST', '/auth/password', {
        body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' },
      });
      expect(status).toBe(401);
      expect(body.code).toBe('unauthorized');
    });

    it('changes the password, keeps this session, signs out the others and disconnects their sockets', async () => {
      const owner = await registerOwner(t.url);
      const other = (await login(owner.user.email, PASSWORD)).body;
      const mySocket = await admin(owner.accessToken);
      const otherSocket = await admin(other.accessToken);
      const linkBefore = await resetToken(owner.user.email);

      const gone = serverDisconnect(otherSocket);
      const changed = await api(t.url, 'POST', '/auth/password', {
        token: owner.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' },
      });
      expect(changed.status).toBe(204);
      expect((await gone).reason).toBe('io server disconnect');
      // The sessions were revoked before the answer: a round trip after it proves this socket stayed.
      await adminRoundTrip(mySocket);
      expect(mySocket.connected).toBe(true);

      expect((await api(t.url, 'GET', '/auth/me', { token: owner.accessToken })).status).toBe(200);
      expect((await api<ErrorBody>(t.url, 'GET', '/auth/me', { token: other.accessToken })).body.code).toBe('unauthorized');
      await expect(connectAdmin(t.url, other.accessToken)).rejects.toMatchObject({ data: { code: 'unauthorized' } });

      expect((await login(owner.user.email, PASSWORD)).body.code).toBe('invalid_credentials');
      expect((await login(owner.user.email, 'a-brand-new-password')).status).toBe(200);
      // A reset link mailed before the change cannot undo it.
      expect((await confirmReset(linkBefore, 'attacker-chosen-password')).body.code).toBe('invalid_reset_token');
    });
  });

  describe('reset by emailed link', () => {
    it('end to end: mails a working single-use link over SMTP, sets the password, signs out everywhere', async () => {
      const owner = await registerOwner(t.url);
      const socket = await admin(owner.accessToken);
      const before = smtp.mails.length;

      const requested = await requestReset(owner.user.email.toUpperCase());
      expect(requested.status).toBe(202);
      const mail = (await smtp.received(before + 1))[before]!;
      expect(mail.from).toBe('noreply@chatiq.test');
      expect(mail.to).toEqual([owner.user.email]);
      expect(mail.subject).toBe('Reset your ChatIQ password');
      expect(mail.text).toContain(`${ADMIN_URL}/reset-password?token=`); // ADMIN_URL's trailing slash is dropped
      expect(mail.text).toContain('1 hour');
      const token = tokenFrom(mail);

      // Only a hash of the token is stored, expiring in an hour.
      const rows = await t.prisma.passwordResetToken.findMany({ where: { userId: owner.user.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);
      const ttl = rows[0]!.expiresAt.getTime() - Date.now();
      expect(ttl).toBeGreaterThan(59 * 60_000);
      expect(ttl).toBeLessThanOrEqual(60 * 60_000);

      const gone = serverDisconnect(socket);
      const confirmed = await confirmReset(token, 'reset-new-password');
      expect(confirmed.status).toBe(204);
      expect((await gone).reason).toBe('io server disconnect');
      expect((await api<ErrorBody>(t.url, 'GET', '/auth/me', { token: owner.accessToken })).body.code).toBe('unauthorized');

      expect((await login(owner.user.email, PASSWORD)).body.code).toBe('invalid_credentials');
      expect((await login(owner.user.email, 'reset-new-password')).status).toBe(200);

      // Single use.
      const reused = await confirmReset(token, 'yet-another-password');
      expect(reused.status).toBe(400);
      expect(reused.body.code).toBe('invalid_reset_token');
      expect((await login(owner.user.email, 'reset-new-password')).status).toBe(200);
      expect(await t.prisma.passwordResetToken.count({ where: { userId: owner.user.id } })).toBe(0);
    });

    it('answers known and unknown emails the same way, and mails and stores only for the known one', async () => {
      const owner = await registerOwner(t.url);
      const tokensBefore = await t.prisma.passwordResetToken.count();
      const mailsBefore = smtp.mails.length;
      const call = (email: string) =>
        fetch(`${t.url}/auth/password-reset`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
      const known = await call(owner.user.email);
      const unknown = await call('nobody-here@example.com');
      const shape = async (r: Response) => ({
        status: r.status,
        body: await r.text(),
        type: r.headers.get('content-type'),
        length: r.headers.get('content-length'),
      });
      expect(await shape(known)).toEqual(await shape(unknown));
      expect(known.status).toBe(202);

      await t.app.get(PasswordService).whenIdle();
      expect(smtp.mails.slice(mailsBefore).map((m) => m.to)).toEqual([[owner.user.email]]);
      expect(await t.prisma.passwordResetToken.count()).toBe(tokensBefore + 1);
    });

    it('refuses an expired link and changes nothing', async () => {
      const owner = await registerOwner(t.url);
      const token = await resetToken(owner.user.email);
      await t.prisma.passwordResetToken.updateMany({ where: { userId: owner.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const { status, body } = await confirmReset(token, 'too-late-password');
      expect(status).toBe(400);
      expect(body.code).toBe('invalid_reset_token');
      expect((await login(owner.user.email, PASSWORD)).status).toBe(200);
      expect((await api(t.url, 'GET', '/auth/me', { token: owner.accessToken })).status).toBe(200);
    });

    it('refuses unknown tokens', async () => {
      const { status, body } = await confirmReset('made-up-token', 'whatever-password');
      expect(status).toBe(400);
      expect(body.code).toBe('invalid_reset_token');
    });

    it('of two concurrent uses of one link, exactly one succeeds', async () => {
      const owner = await registerOwner(t.url);
      const link = await resetToken(owner.user.email);
      const answers = await Promise.all([confirmReset(link, 'racer-one-password'), confirmReset(link, 'racer-two-password')]);
      expect(answers.map((a) => a.status).sort()).toEqual([204, 400]);
      const winner = answers[0]!.status === 204 ? 'racer-one-password' : 'racer-two-password';
      expect((await login(owner.user.email, winner)).status).toBe(200);
      expect(await t.prisma.passwordResetToken.count({ where: { userId: owner.user.id } })).toBe(0);
    });

    it('a newer reset mail kills the links mailed before it; only the newest works, once', async () => {
      const owner = await registerOwner(t.url);
      const older = await resetToken(owner.user.email);
      const middle = await resetToken(owner.user.email);
      const newest = await resetToken(owner.user.email);
      expect(new Set([older, middle, newest]).size).toBe(3);
      // One link stored: the newest one's hash.
      const rows = await t.prisma.passwordResetToken.findMany({ where: { userId: owner.user.id } });
      expect(rows.map((r) => r.tokenHash)).toEqual([createHash('sha256').update(newest).digest('hex')]);

      for (const stale of [older, middle]) {
        const refused = await confirmReset(stale, 'stale-link-password');
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe('invalid_reset_token');
      }
      expect((await login(owner.user.email, PASSWORD)).status).toBe(200);
      expect((await login(owner.user.email, 'stale-link-password')).status).toBe(401);

      expect((await confirmReset(newest, 'newest-link-password')).status).toBe(204);
      expect((await login(owner.user.email, 'newest-link-password')).status).toBe(200);
      expect((await confirmReset(newest, 'again-link-password')).body.code).toBe('invalid_reset_token');
    });

    it('two reset requests at the same moment leave exactly one working link', async () => {
      const owner = await registerOwner(t.url);
      const before = smtp.mails.length;
      const answers = await Promise.all([requestReset(owner.user.email), requestReset(owner.user.email)]);
      expect(answers.map((a) => a.status)).toEqual([202, 202]);
      const tokens = (await smtp.received(before + 2)).slice(before).map(tokenFrom);
      expect(await t.prisma.passwordResetToken.count({ where: { userId: owner.user.id } })).toBe(1);
      const outcomes = [];
      for (const [i, token] of tokens.entries()) outcomes.push((await confirmReset(token, `parallel-password-${i}`)).status);
      expect(outcomes.sort()).toEqual([204, 400]);
    });

    it('a link that is used kills every other outstanding link of the account', async () => {
      const owner = await registerOwner(t.url);
      const used = await resetToken(owner.user.email);
      // A second link that slipped in (e.g. stored by an older version that kept every link).
      const other = 'outstanding-link-from-before';
      await t.prisma.passwordResetToken.create({
        data: {
          userId: owner.user.id,
          organizationId: owner.user.organizationId,
          tokenHash: createHash('sha256').update(other).digest('hex'),
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      expect((await confirmReset(used, 'used-link-password')).status).toBe(204);
      expect((await confirmReset(other, 'other-link-password')).body.code).toBe('invalid_reset_token');
      expect((await login(owner.user.email, 'used-link-password')).status).toBe(200);
    });

    it('answers bad bodies with field paths and stores or sends nothing', async () => {
      const tokensBefore = await t.prisma.passwordResetToken.count();
      const mailsBefore = smtp.mails.length;
      const cases: [string, unknown, string[]][] = [
        ['/auth/password-reset', {}, ['email']],
        ['/auth/password-reset', { email: 'not-an-email' }, ['email']],
        ['/auth/password-reset', { email: ['a@example.com'] }, ['email']],
        ['/auth/password-reset/confirm', {}, ['password', 'token']],
        ['/auth/password-reset/confirm', { token: '', password: 'short' }, ['password', 'token']],
        ['/auth/password-reset/confirm', { token: 'x'.repeat(201), password: 'long-enough-password' }, ['token']],
      ];
      for (const [path, body, paths] of cases) {
        const answer = await api<ErrorBody>(t.url, 'POST', path, { body });
        expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(answer.body.code).toBe('validation_failed');
        expect([...new Set(answer.body.issues?.map((i) => i.path.join('.')))].sort()).toEqual(paths);
      }
      await t.app.get(PasswordService).whenIdle();
      expect(await t.prisma.passwordResetToken.count()).toBe(tokensBefore);
      expect(smtp.mails.length).toBe(mailsBefore);
    });

    it('sends no link to a deactivated account (and answers the same)', async () => {
      const owner = await registerOwner(t.url);
      await t.prisma.user.update({ where: { id: owner.user.id }, data: { active: false } });
      const mailsBefore = smtp.mails.length;
      expect((await requestReset(owner.user.email)).status).toBe(202);
      await t.app.get(PasswordService).whenIdle();
      expect(smtp.mails.length).toBe(mailsBefore);
      expect(await t.prisma.passwordResetToken.count({ where: { userId: owner.user.id } })).toBe(0);
    });

    it('caps reset mails per address (5 an hour) while still answering 202', async () => {
      const owner = await registerOwner(t.url);
      const mailsBefore = smtp.mails.length;
      for (let i = 0; i < 7; i++) expect((await requestReset(owner.user.email)).status).toBe(202);
      await t.app.get(PasswordService).whenIdle();
      expect(smtp.mails.slice(mailsBefore).filter((m) => m.to[0] === owner.user.email)).toHaveLength(5);
    });
  });
});

describe('passwords are limited to 72 bytes (what bcrypt reads), not 72 characters', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const accented = 'é'.repeat(36); // 36 characters, 72 bytes in UTF-8
  const tooLong = `${accented}A`; // 37 characters, 73 bytes: bcrypt would ignore the "A"
  const login = (email: string, password: string) =>
    api<AuthResponse & ErrorBody>(t.url, 'POST', '/auth/login', { body: { email, password } });
  const expectByteLimit = (answer: { status: number; body: ErrorBody }, path: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.issues).toEqual([{ path: [path], message: 'Password must be at most 72 bytes' }]);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, ADMIN_URL, AUTH_RATE_LIMIT: '1000', LOGIN_MAX_FAILURES: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('refuses to register "é"×36+"A", so "é"×36+"Z" cannot sign in to it', async () => {
    const email = 'accents@example.com';
    const registered = await api<ErrorBody>(t.url, 'POST', '/auth/register', {
      body: { email, password: tooLong, name: 'Accents', organizationName: 'Accents' },
    });
    expectByteLimit(registered, 'password');
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
    expect((await login(email, `${accented}Z`)).status).toBe(401);
  });

  it('accepts exactly 72 bytes, and every byte of it counts', async () => {
    const email = 'exact@example.com';
    const registered = await api<AuthResponse>(t.url, 'POST', '/auth/register', {
      body: { email, password: accented, name: 'Exact', organizationName: 'Exact' },
    });
    expect(registered.status).toBe(201);
    expect((await login(email, accented)).status).toBe(200);
    expect((await login(email, `${'é'.repeat(35)}e`)).status).toBe(401);
    // 72 ASCII characters are 72 bytes too; a 4-byte emoji counts as 4.
    expect(
      (
        await api<ErrorBody>(t.url, 'POST', '/auth/register', {
          body: { email: 'ascii@example.com', password: 'a'.repeat(72), name: 'A', organizationName: 'A' },
        })
      ).status,
    ).toBe(201);
    expectByteLimit(
      await api<ErrorBody>(t.url, 'POST', '/auth/register', {
        body: { email: 'emoji@example.com', password: `${'a'.repeat(69)}😀`, name: 'E', organizationName: 'E' },
      }),
      'password',
    );
  });

  it('applies the same limit to a password change, a reset and an accepted invitation', async () => {
    const owner = await registerOwner(t.url);
    expectByteLimit(
      await api<ErrorBody>(t.url, 'POST', '/auth/password', {
        token: owner.accessToken,
        body: { currentPassword: PASSWORD, newPassword: tooLong },
      }),
      'newPassword',
    );

    const before = smtp.mails.length;
    expect((await api(t.url, 'POST', '/auth/password-reset', { body: { email: owner.user.email } })).status).toBe(202);
    const token = tokenFrom((await smtp.received(before + 1))[before]!);
    expectByteLimit(
      await api<ErrorBody>(t.url, 'POST', '/auth/password-reset/confirm', { body: { token, password: tooLong } }),
      'password',
    );
    // The link was not used up by the refused attempt.
    expect((await api(t.url, 'POST', '/auth/password-reset/confirm', { body: { token, password: accented } })).status).toBe(204);
    expect((await login(owner.user.email, accented)).status).toBe(200);

    const { accessToken } = (await login(owner.user.email, accented)).body;
    const invited = 'invitee-bytes@example.com';
    expect((await api(t.url, 'POST', '/team/invitations', { token: accessToken, body: { email: invited, role: 'ADMIN' } })).status).toBe(
      201,
    );
    const mail = (await smtp.received(before + 2))[before + 1]!;
    const inviteToken = mail.text.match(/accept-invite\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(inviteToken).toBeTruthy();
    expectByteLimit(
      await api<ErrorBody>(t.url, 'POST', '/team/invitations/accept', { body: { token: inviteToken, name: 'Invitee', password: tooLong } }),
      'password',
    );
    expect(await t.prisma.user.count({ where: { email: invited } })).toBe(0);
  });

  it('a password stored before the limit (longer than 72 bytes) still signs in', async () => {
    const owner = await registerOwner(t.url);
    const legacy = 'ї'.repeat(50); // 100 bytes, allowed by the old 72-character rule
    await t.prisma.user.update({ where: { id: owner.user.id }, data: { passwordHash: await bcrypt.hash(legacy, 4) } });
    expect((await login(owner.user.email, legacy)).status).toBe(200);
  });
});

describe('password reset when the SMTP server is down', () => {
  it('still answers 202 (the failure is logged), and the link can be asked for again later', async () => {
    const t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9', AUTH_RATE_LIMIT: '1000' });
    try {
      const owner = await registerOwner(t.url);
      const { status } = await api(t.url, 'POST', '/auth/password-reset', { body: { email: owner.user.email } });
      expect(status).toBe(202);
      expect((await api(t.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

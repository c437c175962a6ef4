// Production without SMTP_URL: no live token (reset, invitation) and no link carrying one ever
// reaches a log line. Every byte the process writes (pino at `trace`) is captured while an owner
// registers, invites an operator (and gets the link to pass on, as the only one), the operator
// joins, someone asks for a password reset and a reset is confirmed. With SMTP the link is mailed
// and never in the answer.

import { createHash } from 'node:crypto';
import type { AuthResponse, CreatedInvitationDto, ErrorBody, InvitationDto, MailStatusDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerOwner } from '../../test/support/clients.js';
import { eventually } from '../../test/support/eventually.js';
import { captureOutput, type OutputCapture } from '../../test/support/log-capture.js';
import { startSmtpServer } from '../../test/support/smtp.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const ADMIN_URL = 'https://admin.chatiq.test';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new site of the caller's organization (an operator's invitation names one). */
async function siteOf(url: string, token: string): Promise<string> {
  return (await api<{ id: string }>(url, 'POST', '/sites', { token, body: { name: 'Shop' } })).body.id;
}

describe('production without SMTP_URL', () => {
  let t: TestApp;
  let logs: OutputCapture;
  /** Every live secret the flow handed out: none may appear in any log line. */
  const secrets: string[] = [];

  beforeAll(async () => {
    logs = captureOutput();
    t = await startTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'trace', ADMIN_URL, AUTH_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await t?.close();
    logs?.restore();
  });

  it('tells the panel that mail is not set up (public, no token needed)', async () => {
    const { status, body } = await api<MailStatusDto>(t.url, 'GET', '/auth/mail-status');
    expect(status).toBe(200);
    expect(body).toEqual({ configured: false });
  });

  it('hands the inviter the invitation link, and only the inviter; the invitee joins with it', async () => {
    const owner = await registerOwner(t.url);
    secrets.push(owner.accessToken);
    const created = await api<CreatedInvitationDto>(t.url, 'POST', '/team/invitations', {
      token: owner.accessToken,
      body: { email: 'olena@example.com', role: 'OPERATOR', siteIds: [await siteOf(t.url, owner.accessToken)] },
    });
    expect(created.status).toBe(201);
    const link = created.body.link!;
    expect(link).toMatch(/^https:\/\/admin\.chatiq\.test\/accept-invite\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(link).searchParams.get('token')!;
    secrets.push(token);
    // Only its hash is stored; the list of invitations never shows the link.
    const row = await t.prisma.invitation.findFirstOrThrow({ where: { email: 'olena@example.com' } });
    expect(row.tokenHash).toBe(sha256(token));
    const listed = await api<InvitationDto[]>(t.url, 'GET', '/team/invitations', { token: owner.accessToken });
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body[0]).not.toHaveProperty('link');

    const joined = await api<AuthResponse>(t.url, 'POST', '/team/invitations/accept', {
      body: { token, name: 'Olena', password: 'sunflower-field-9' },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.user).toMatchObject({ email: 'olena@example.com', role: 'OPERATOR' });
    secrets.push(joined.body.accessToken);
    // Once only.
    const again = await api<ErrorBody>(t.url, 'POST', '/team/invitations/accept', {
      body: { token, name: 'Olena again', password: 'sunflower-field-9' },
    });
    expect(again.status).toBe(400);
  });

  it('answers a password reset request the same for known and unknown emails, and makes no link', async () => {
    const owner = await registerOwner(t.url);
    secrets.push(owner.accessToken);
    const known = await fetch(`${t.url}/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.user.email }),
    });
    const unknown = await fetch(`${t.url}/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com' }),
    });
    expect([known.status, await known.text()]).toEqual([unknown.status, await unknown.text()]);
    expect(known.status).toBe(202);
    // The request for the known account is done once its warning is logged; no link was made.
    await eventually('the reset warning', () => logs.text().includes('no link was made'));
    expect(await t.prisma.passwordResetToken.count({ where: { userId: owner.user.id } })).toBe(0);
  });

  it('a reset with a link made otherwise (e.g. before SMTP was removed) works and is not logged', async () => {
    const owner = await registerOwner(t.url);
    const token = 'reset-token-made-while-mail-still-worked-0123';
    secrets.push(owner.accessToken, token);
    await t.prisma.passwordResetToken.create({
      data: {
        userId: owner.user.id,
        organizationId: owner.user.organizationId,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    // A bad body and a wrong token first: their errors must not echo the token either.
    expect((await api(t.url, 'POST', '/auth/password-reset/confirm', { body: { token, password: 'short' } })).status).toBe(400);
    expect(
      (await api(t.url, 'POST', '/auth/password-reset/confirm', { body: { token: `${token}x`, password: 'long-enough-1' } })).status,
    ).toBe(400);
    expect(
      (await api(t.url, 'POST', '/auth/password-reset/confirm', { body: { token, password: 'new-password-after-reset' } })).status,
    ).toBe(204);
    const login = await api<AuthResponse>(t.url, 'POST', '/auth/login', {
      body: { email: owner.user.email, password: 'new-password-after-reset' },
    });
    expect(login.status).toBe(200);
    secrets.push(login.body.accessToken);
  });

  it('wrote no token, and no link carrying one, to any log line', () => {
    const text = logs.text();
    // The capture works: the server logged (at trace) while the flow ran.
    expect(text).toContain('SMTP_URL is not set');
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) expect(text, 'a token reached the log').not.toContain(secret);
    expect(text).not.toMatch(/accept-invite\?token=/);
    expect(text).not.toMatch(/reset-password\?token=/);
    expect(text).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
  });
});

describe('with SMTP_URL', () => {
  it('says mail is set up, mails the invitation link and never puts it in the answer', async () => {
    const smtp = await startSmtpServer();
    const t = await startTestApp({ NODE_ENV: 'production', SMTP_URL: smtp.url, ADMIN_URL });
    try {
      expect((await api<MailStatusDto>(t.url, 'GET', '/auth/mail-status')).body).toEqual({ configured: true });
      const owner = await registerOwner(t.url);
      const created = await api<CreatedInvitationDto>(t.url, 'POST', '/team/invitations', {
        token: owner.accessToken,
        body: { email: 'mailed@example.com', role: 'OPERATOR', siteIds: [await siteOf(t.url, owner.accessToken)] },
      });
      expect(created.status).toBe(201);
      expect(created.body).not.toHaveProperty('link');
      const [mail] = await smtp.received(1);
      const token = mail!.text.match(/accept-invite\?token=([A-Za-z0-9_-]+)/)![1]!;
      expect(JSON.stringify(created.body)).not.toContain(token);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe('development without SMTP_URL', () => {
  it('still returns the invitation link to the inviter (the mail itself goes to the log)', async () => {
    const t = await startTestApp({ NODE_ENV: 'development', ADMIN_URL });
    try {
      const owner = await registerOwner(t.url);
      const created = await api<CreatedInvitationDto>(t.url, 'POST', '/team/invitations', {
        token: owner.accessToken,
        body: { email: 'dev@example.com', role: 'OPERATOR', siteIds: [await siteOf(t.url, owner.accessToken)] },
      });
      expect(created.status).toBe(201);
      expect(created.body.link).toMatch(/^https:\/\/admin\.chatiq\.test\/accept-invite\?token=/);
    } finally {
      await t.close();
    }
  });
});

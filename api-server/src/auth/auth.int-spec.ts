import type { AuthResponse, ErrorBody, UserDto } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('auth over REST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const owner = { email: 'Owner@Example.com', password: 'correct-horse-battery', name: 'Olha', organizationName: 'Acme' };

  it('registers an owner with a bcrypt hash and a working token', async () => {
    const { status, body } = await api<AuthResponse>(t.url, 'POST', '/auth/register', { body: owner });
    expect(status).toBe(201);
    expect(body.user).toMatchObject({ email: 'owner@example.com', role: 'OWNER', organizationName: 'Acme' });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { email: 'owner@example.com' } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(row.passwordHash).not.toContain(owner.password);

    const me = await api<UserDto>(t.url, 'GET', '/auth/me', { token: body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(body.user.id);
  });

  it('refuses a second account with the same email and stores nothing', async () => {
    const before = await t.prisma.organization.count();
    const { status, body } = await api<ErrorBody>(t.url, 'POST', '/auth/register', { body: { ...owner, email: 'OWNER@example.com' } });
    expect(status).toBe(409);
    expect(body.code).toBe('email_taken');
    expect(await t.prisma.organization.count()).toBe(before);
  });

  it('logs in with the right password only, without telling which part was wrong', async () => {
    const ok = await api<AuthResponse>(t.url, 'POST', '/auth/login', { body: { email: owner.email, password: owner.password } });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeTruthy();

    const wrongPassword = await api<ErrorBody>(t.url, 'POST', '/auth/login', { body: { email: owner.email, password: 'nope-nope-nope' } });
    const unknownEmail = await api<ErrorBody>(t.url, 'POST', '/auth/login', { body: { email: 'ghost@example.com', password: 'x' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.code).toBe('invalid_credentials');
  });

  it('answers invalid bodies with validation_failed and field paths', async () => {
    const before = await t.prisma.user.count();
    const { status, body } = await api<ErrorBody>(t.url, 'POST', '/auth/register', {
      body: { email: 'not-an-email', password: 'short', name: '', organizationName: 'x'.repeat(500) },
    });
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    expect(body.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['email', 'password', 'name', 'organizationName']));
    expect(await t.prisma.user.count()).toBe(before);
  });

  it('answers malformed JSON with validation_failed, not a crash', async () => {
    const { status, body } = await api<ErrorBody>(t.url, 'POST', '/auth/login', { rawBody: '{"email": ' });
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
  });

  it('requires a valid token everywhere but the public routes', async () => {
    expect((await api<ErrorBody>(t.url, 'GET', '/sites')).body.code).toBe('unauthorized');
    const forged = await api<ErrorBody>(t.url, 'GET', '/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('unauthorized');
  });

  it('answers unknown routes with a typed 404', async () => {
    const { status, body } = await api<ErrorBody>(t.url, 'GET', '/nope');
    expect(status).toBe(404);
    expect(body.code).toBe('not_found');
  });
});

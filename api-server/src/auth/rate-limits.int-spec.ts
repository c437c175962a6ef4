// Per-IP rate limits on login, register, password change and reset (429 rate_limited with
// Retry-After), and the login backoff per email — both with low limits set through the env.

import { createHash, randomUUID } from 'node:crypto';
import type { AuthResponse, ErrorBody } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithOwner } from '../../prisma/factories.js';
import { eventually } from '../../test/support/eventually.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { AuthLimitsService } from './auth-limits.service.js';

const PASSWORD = 'correct-horse-battery';
const LIMIT = 3;
const MAX_FAILURES = 3;
const LOCKOUT_SECONDS = 2;

let lastIp = 0;
/** Requests carry X-Forwarded-For (trusted from loopback), so each test is its own client IP. */
const freshIp = () => `198.51.100.${++lastIp}`;

type Answer<T> = { status: number; body: T; retryAfter: string | null };

describe('auth rate limits and login backoff', () => {
  let t: TestApp;

  async function call<T = ErrorBody>(path: string, options: { ip: string; body?: unknown; token?: string }): Promise<Answer<T>> {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': options.ip,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify(options.body ?? {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, retryAfter: response.headers.get('retry-after') };
  }

  async function newUser(password = PASSWORD) {
    const email = `user-${randomUUID().slice(0, 8)}@example.com`;
    const { owner } = await createOrganizationWithOwner(t.prisma, {
      organizationName: 'Org',
      email,
      password,
      name: 'User',
      bcryptRounds: 4,
    });
    return owner;
  }

  /** Logs in from a new IP each time, so only the per-email backoff is in play. */
  const login = (email: string, password: string) =>
    call<AuthResponse & ErrorBody>('/auth/login', { ip: freshIp(), body: { email, password } });

  beforeAll(async () => {
    t = await startTestApp({
      AUTH_RATE_LIMIT: String(LIMIT),
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
      LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      LOGIN_FAILURE_WINDOW_SECONDS: '60',
      LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
    });
  });
  afterAll(() => t.close());

  describe('per client IP', () => {
    it(`login: request ${LIMIT + 1} from one IP gets 429 rate_limited with Retry-After, right password or not; another IP does not`, async () => {
      const user = await newUser();
      const ip = freshIp();
      for (let i = 0; i < LIMIT; i++) {
        expect((await call('/auth/login', { ip, body: { email: `ghost-${i}@example.com`, password: 'x' } })).status).toBe(401);
      }
      const limited = await call('/auth/login', { ip, body: { email: user.email, password: PASSWORD } });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);

      expect((await call('/auth/login', { ip: freshIp(), body: { email: user.email, password: PASSWORD } })).status).toBe(200);
    });

    it('register: malformed requests count too, and a refused one stores nothing', async () => {
      const ip = freshIp();
      const owner = (n: string) => ({
        email: `reg-${n}-${randomUUID().slice(0, 6)}@example.com`,
        password: PASSWORD,
        name: 'N',
        organizationName: 'O',
      });
      expect((await call('/auth/register', { ip, body: owner('a') })).status).toBe(201);
      expect((await call('/auth/register', { ip, body: { email: 'broken' } })).status).toBe(400);
      expect((await call('/auth/register', { ip, body: owner('b') })).status).toBe(201);
      const users = await t.prisma.user.count();
      const organizations = await t.prisma.organization.count();
      const limited = await call('/auth/register', { ip, body: owner('c') });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(await t.prisma.user.count()).toBe(users);
      expect(await t.prisma.organization.count()).toBe(organizations);
    });

    it('password reset: asking and confirming share one budget', async () => {
      const ip = freshIp();
      expect((await call('/auth/password-reset', { ip, body: { email: 'someone@example.com' } })).status).toBe(202);
      expect((await call('/auth/password-reset/confirm', { ip, body: { token: 'guess', password: 'whatever-password' } })).status).toBe(
        400,
      );
      expect((await call('/auth/password-reset', { ip, body: { email: 'someone-else@example.com' } })).status).toBe(202);
      for (const path of ['/auth/password-reset', '/auth/password-reset/confirm']) {
        const limited = await call(path, { ip, body: { email: 'a@example.com', token: 'guess', password: 'whatever-password' } });
        expect(limited.status, path).toBe(429);
        expect(limited.body.code).toBe('rate_limited');
      }
    });

    it('password change is limited per IP as well', async () => {
      const user = await newUser();
      const { accessToken } = (await login(user.email, PASSWORD)).body;
      const ip = freshIp();
      for (let i = 0; i < LIMIT; i++) {
        const refused = await call('/auth/password', { ip, token: accessToken, body: { currentPassword: PASSWORD, newPassword: 'short' } });
        expect(refused.status).toBe(400);
      }
      const limited = await call('/auth/password', {
        ip,
        token: accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'long-enough-new' },
      });
      expect(limited.status).toBe(429);
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });

    it('each action has its own budget: an IP out of logins may still register', async () => {
      const ip = freshIp();
      for (let i = 0; i <= LIMIT; i++) await call('/auth/login', { ip, body: { email: `g${i}@example.com`, password: 'x' } });
      expect((await call('/auth/login', { ip, body: { email: 'g@example.com', password: 'x' } })).status).toBe(429);
      const registered = await call('/auth/register', {
        ip,
        body: { email: `budget-${randomUUID().slice(0, 6)}@example.com`, password: PASSWORD, name: 'N', organizationName: 'O' },
      });
      expect(registered.status).toBe(201);
    });
  });

  describe('login backoff per email', () => {
    it(`after ${MAX_FAILURES} failures the email's logins get 429 for a while, the right password included, then work again`, async () => {
      const user = await newUser();
      for (let i = 0; i < MAX_FAILURES; i++) expect((await login(user.email, 'wrong-password')).body.code).toBe('invalid_credentials');

      const locked = await login(user.email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('rate_limited');
      expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(locked.retryAfter)).toBeLessThanOrEqual(LOCKOUT_SECONDS);
      // Other accounts are not affected.
      expect((await login((await newUser()).email, PASSWORD)).status).toBe(200);

      // Wait for the state (the lockout over, as the limits read it), not for a fixed time.
      const limits = t.app.get(AuthLimitsService);
      await eventually('the lockout to end', async () => (await limits.loginLockedFor(user.email)) === null, LOCKOUT_SECONDS * 1000 + 5000);
      expect((await login(user.email, PASSWORD)).status).toBe(200);
      // And the success cleared the count: one more failure is a plain 401.
      expect((await login(user.email, 'wrong-password')).status).toBe(401);
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });

    it('an unknown email is locked out exactly like a known one (no enumeration)', async () => {
      const user = await newUser();
      const ghost = `ghost-${randomUUID().slice(0, 8)}@example.com`;
      const answers: Record<string, Answer<ErrorBody>[]> = { known: [], unknown: [] };
      for (let i = 0; i <= MAX_FAILURES; i++) {
        answers.known!.push(await login(user.email, 'wrong-password'));
        answers.unknown!.push(await login(ghost, 'wrong-password'));
      }
      const shape = (a: Answer<ErrorBody>) => ({ status: a.status, body: a.body, retryAfter: a.retryAfter !== null });
      expect(answers.known!.map(shape)).toEqual(answers.unknown!.map(shape));
      expect(answers.known!.map((a) => a.status)).toEqual([...Array(MAX_FAILURES).fill(401), 429]);
    });

    it('a successful login resets the count', async () => {
      const user = await newUser();
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await login(user.email, 'wrong-password')).status).toBe(401);
        expect((await login(user.email, PASSWORD)).status).toBe(200);
      }
    });

    it('wrong current passwords on /auth/password count too (a stolen token cannot guess the password)', async () => {
      const user = await newUser();
      const { accessToken } = (await login(user.email, PASSWORD)).body;
      for (let i = 0; i < MAX_FAILURES; i++) {
        const wrong = await call('/auth/password', {
          ip: freshIp(),
          token: accessToken,
          body: { currentPassword: `guess-${i}`, newPassword: 'taken-over-pw' },
        });
        expect(wrong.body.code).toBe('validation_failed');
      }
      const locked = await call('/auth/password', {
        ip: freshIp(),
        token: accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'taken-over-pw' },
      });
      expect(locked.status).toBe(429);
      expect((await login(user.email, PASSWORD)).status).toBe(429);
    });

    it('a password reset by emailed link lifts the lockout', async () => {
      const user = await newUser();
      for (let i = 0; i < MAX_FAILURES; i++) await login(user.email, 'wrong-password');
      expect((await login(user.email, PASSWORD)).status).toBe(429);

      // The token as if it came from the mail (the mail itself is covered in password.int-spec.ts).
      const token = randomUUID();
      await t.prisma.passwordResetToken.create({
        data: {
          userId: user.id,
          organizationId: user.organizationId,
          tokenHash: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      expect((await call('/auth/password-reset/confirm', { ip: freshIp(), body: { token, password: 'fresh-after-lockout' } })).status).toBe(
        204,
      );
      expect((await login(user.email, 'fresh-after-lockout')).status).toBe(200);
    });
  });
});

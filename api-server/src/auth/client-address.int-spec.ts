// Whose address the sign-in limits count: with TRUSTED_PROXIES the API believes X-Forwarded-For
// only from the proxies it names (the admin panel's server and nginx), and then counts the
// right-most address that is not a trusted proxy. The test client connects from 127.0.0.1, so
// with the default (`loopback`) it stands for the panel forwarding a browser's address; the
// limits are the defaults (AUTH_RATE_LIMIT 10 per minute, LOGIN_MAX_FAILURES 5).
//
// Per-account backoff is deliberately unchanged: it counts failures per email whatever the
// address, so an account guessed at from many addresses is still locked, and while it is locked
// its owner cannot sign in from anywhere either (the right password included). Other accounts
// are not affected by it.

import { randomUUID } from 'node:crypto';
import type { AuthResponse, ErrorBody } from '@chatiq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithOwner } from '../../prisma/factories.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const PASSWORD = 'correct-horse-battery';

type Answer = { status: number; body: AuthResponse & ErrorBody };

let lastHost = 0;
/** A documentation address (TEST-NET-3) per client, so tests never share a budget. */
const browser = () => `203.0.113.${++lastHost}`;

function signIn(t: TestApp, email: string, password: string, forwardedFor?: string): Promise<Answer> {
  return fetch(`${t.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
    body: JSON.stringify({ email, password }),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Answer['body'] }));
}

async function newMember(t: TestApp): Promise<string> {
  const email = `member-${randomUUID().slice(0, 8)}@example.com`;
  await createOrganizationWithOwner(t.prisma, { organizationName: 'Org', email, password: PASSWORD, name: 'Member', bcryptRounds: 4 });
  return email;
}

describe('client address behind the default trusted proxy (loopback)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('eleven wrong sign-ins from one address: the eleventh is limited, a colleague from another address signs in', async () => {
    const [mistyped, colleague] = [await newMember(t), await newMember(t)];
    const [a, b] = [browser(), browser()];
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await signIn(t, mistyped, `wrong-${i}`, a)).status);
    // Five failures lock the account (per-email backoff), the per-IP budget counts all ten.
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);

    const eleventh = await signIn(t, mistyped, 'wrong-10', a);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.code).toBe('rate_limited');
    expect(eleventh.body.message).toBe('Too many requests; try again later'); // the per-IP limit, checked before the lockout
    // The address is out of budget for every account, the colleague's right password included.
    expect((await signIn(t, colleague, PASSWORD, a)).body.message).toBe('Too many requests; try again later');

    const fromB = await signIn(t, colleague, PASSWORD, b);
    expect(fromB.status).toBe(200);
    expect(fromB.body.user.email).toBe(colleague);

    // The account that was guessed at stays locked from every address, its owner's included.
    const owner = await signIn(t, mistyped, PASSWORD, b);
    expect(owner.status).toBe(429);
    expect(owner.body.message).toBe('Too many failed sign-in attempts; try again later');
  });

  it('an account guessed at from many addresses is locked for all of them', async () => {
    const target = await newMember(t);
    for (let i = 0; i < 5; i++) expect((await signIn(t, target, `guess-${i}`, browser())).status).toBe(401);
    const locked = await signIn(t, target, PASSWORD, browser());
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('rate_limited');
  });

  it('what the client wrote left of the address the proxy appended does not change whose budget it is', async () => {
    const email = await newMember(t);
    const a = browser();
    // A browser sends its own X-Forwarded-For; nginx or the panel appends the address it saw.
    for (let i = 0; i < 10; i++) {
      expect((await signIn(t, `ghost-${i}@example.com`, 'x', `198.51.100.${i + 1}, ${a}`)).status).toBe(401);
    }
    expect((await signIn(t, email, PASSWORD, `198.51.100.99, ${a}`)).status).toBe(429);
    expect((await signIn(t, email, PASSWORD, browser())).status).toBe(200);
  });
});

describe('client address behind two trusted hops (nginx in front of the panel)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' });
  });
  afterAll(() => t.close());

  it('the client is the right-most untrusted address of the chain', async () => {
    const email = await newMember(t);
    const a = browser();
    for (let i = 0; i < 10; i++) {
      expect((await signIn(t, `ghost-${i}@example.com`, 'x', `${a}, 10.0.0.${i + 1}`)).status).toBe(401);
    }
    expect((await signIn(t, email, PASSWORD, `${a}, 10.9.9.9`)).status).toBe(429);
    expect((await signIn(t, email, PASSWORD, `${a}, 10.0.0.1, 10.0.0.2`)).status).toBe(429);
    expect((await signIn(t, email, PASSWORD, `${browser()}, 10.0.0.1`)).status).toBe(200);
  });
});

describe.each([
  ['a list without loopback', '10.0.0.0/8'],
  ['none', 'none'],
])('an untrusted peer (TRUSTED_PROXIES %s)', (_name, trustedProxies) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: trustedProxies });
  });
  afterAll(() => t.close());

  it("its X-Forwarded-For is ignored: every request counts against the socket's address", async () => {
    const email = await newMember(t);
    for (let i = 0; i < 10; i++) expect((await signIn(t, `ghost-${i}@example.com`, 'x', browser())).status).toBe(401);
    const spoofed = await signIn(t, email, PASSWORD, browser());
    expect(spoofed.status).toBe(429);
    expect((await signIn(t, email, PASSWORD)).status).toBe(429);
  });
});

// Google sign-in, verified at the wire: a local server publishes a JWKS like Google's, and the
// tests sign ID tokens with its private key (and with keys it does not publish). No network.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthResponse } from '@chatiq/contracts';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerOwner } from '../../test/support/clients.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const CLIENT_ID = 'chatiq-test.apps.googleusercontent.com';
type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

describe('Google sign-in', () => {
  let jwks: Server;
  let jwksUrl: string;
  let google: KeyPair;
  let stranger: KeyPair;
  let t: TestApp;

  const idToken = (claims: JWTPayload, options: { key?: KeyPair; kid?: string; expiresIn?: string } = {}) =>
    new SignJWT({ email_verified: true, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'google-1' })
      .setIssuer('https://accounts.google.com')
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign((options.key ?? google).privateKey);

  const signIn = (token: string, extra: Record<string, unknown> = {}) =>
    api<AuthResponse & { code?: string }>(t.url, 'POST', '/auth/google', { body: { idToken: token, ...extra } });

  beforeAll(async () => {
    google = await generateKeyPair('RS256');
    stranger = await generateKeyPair('RS256');
    const published = { keys: [{ ...(await exportJWK(google.publicKey)), kid: 'google-1', alg: 'RS256', use: 'sig' }] };
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(published));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`;
    // Many sign-ins from one address: the per-IP limit is tested in rate-limits.int-spec.ts.
    t = await startTestApp({ GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_JWKS_URL: jwksUrl, AUTH_RATE_LIMIT: '1000' });
  });

  afterAll(async () => {
    await t?.close();
    jwks?.close();
  });

  it('signs a new Google user up as the OWNER of a new organization, then signs them in again', async () => {
    const token = await idToken({ sub: 'g-100', email: 'Ada@Example.com', name: 'Ada Lovelace' });
    const first = await signIn(token, { organizationName: 'Analytical Engines' });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'OWNER',
      organizationName: 'Analytical Engines',
    });
    const me = await api<{ email: string }>(t.url, 'GET', '/auth/me', { token: first.body.accessToken });
    expect(me.body.email).toBe('ada@example.com');

    const again = await signIn(await idToken({ sub: 'g-100', email: 'ada@example.com', name: 'Ada' }));
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(await t.prisma.organization.count({ where: { users: { some: { googleId: 'g-100' } } } })).toBe(1);
  });

  it('links Google to the existing member with that email', async () => {
    const owner = await registerOwner(t.url, 'linked');
    const result = await signIn(await idToken({ sub: 'g-200', email: owner.user.email, name: 'Whoever' }));
    expect(result.status).toBe(200);
    expect(result.body.user.id).toBe(owner.user.id);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: owner.user.id } })).googleId).toBe('g-200');
    // The password still works too.
    expect((await api(t.url, 'POST', '/auth/login', { body: { email: owner.user.email, password: 'correct-horse-battery' } })).status).toBe(
      200,
    );
  });

  it('refuses tokens that are forged, expired, for another app or issuer, or without a verified email', async () => {
    const before = await t.prisma.user.count();
    const claims = { sub: 'g-300', email: 'mallory@example.com', name: 'Mallory' };
    const refusals = [
      await idToken(claims, { key: stranger }), // signed by a key Google does not publish
      await idToken(claims, { key: stranger, kid: 'google-1' }), // …even under Google's key id
      await idToken(claims, { expiresIn: '-10 minutes' }),
      await new SignJWT({ ...claims, email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: 'google-1' })
        .setIssuer('https://accounts.google.com')
        .setAudience('someone-else.apps.googleusercontent.com')
        .setExpirationTime('1h')
        .sign(google.privateKey),
      await new SignJWT({ ...claims, email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: 'google-1' })
        .setIssuer('https://evil.example.com')
        .setAudience(CLIENT_ID)
        .setExpirationTime('1h')
        .sign(google.privateKey),
      await idToken({ ...claims, email_verified: false }),
      `${(await idToken(claims)).slice(0, -4)}AAAA`, // tampered signature
    ];
    for (const token of refusals) {
      const result = await signIn(token);
      expect(result.status, token.slice(-12)).toBe(401);
      expect(result.body.code).toBe('invalid_credentials');
    }
    expect(await t.prisma.user.count()).toBe(before);
  });

  it('keeps a deactivated member out', async () => {
    const owner = await registerOwner(t.url, 'gone');
    await t.prisma.user.update({ where: { id: owner.user.id }, data: { active: false } });
    const result = await signIn(await idToken({ sub: 'g-400', email: owner.user.email, name: 'Gone' }));
    expect(result.status).toBe(401);
  });

  it('refuses bad bodies with field paths', async () => {
    const result = await api<{ code: string; issues: { path: string[] }[] }>(t.url, 'POST', '/auth/google', { body: { idToken: 1 } });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('validation_failed');
    expect(result.body.issues[0]?.path).toEqual(['idToken']);
  });
});

describe('Google sign-in, not configured', () => {
  it('answers 404 google_not_configured and everything else works', async () => {
    const t = await startTestApp();
    try {
      const result = await api<{ code: string }>(t.url, 'POST', '/auth/google', { body: { idToken: 'x'.repeat(40) } });
      expect(result.status).toBe(404);
      expect(result.body.code).toBe('google_not_configured');
      expect((await registerOwner(t.url)).accessToken).toBeTruthy();
    } finally {
      await t.close();
    }
  });
});

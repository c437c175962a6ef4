import { type AuthResponse, authResponseSchema, type ErrorBody } from '@chatiq/contracts';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GoogleProvider from 'next-auth/providers/google';
import { forwardedForBrowser } from './forwarded-for';
import { runtimeConfig } from './runtime-config';

/**
 * POSTs to the API and returns its AuthResponse, or throws with the API's error code. The
 * browser's address goes along, so the API's per-IP sign-in limit counts each person apart.
 */
async function apiSignIn(path: string, body: unknown): Promise<AuthResponse> {
  const response = await fetch(`${runtimeConfig.internalApiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await forwardedForBrowser()) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new Error(error?.code ?? 'invalid_credentials');
  }
  return authResponseSchema.parse(await response.json());
}

const google = runtimeConfig.google;

/**
 * next-auth signs operators in against the API (POST /auth/login, or POST /auth/google with the
 * ID token of the Google provider, when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set). The API's access token lives
 * in next-auth's encrypted session cookie and is handed to the browser for REST and Socket.IO.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const auth = await apiSignIn('/auth/login', { email: credentials?.email, password: credentials?.password });
        return { id: auth.user.id, email: auth.user.email, name: auth.user.name, auth };
      },
    }),
    ...(google ? [GoogleProvider({ clientId: google.clientId, clientSecret: google.clientSecret })] : []),
  ],
  callbacks: {
    async jwt({ token, user, account, trigger, session }) {
      // The profile page saved a new display name or picture: the top bar shows them from the session.
      if (trigger === 'update' && token.operator) {
        const { name, avatarUrl } = (session ?? {}) as { name?: unknown; avatarUrl?: unknown };
        if (typeof name === 'string' && name.trim() && name.length <= 100) token.operator = { ...token.operator, name: name.trim() };
        if (avatarUrl === null || (typeof avatarUrl === 'string' && avatarUrl.startsWith('/avatars/')))
          token.operator = { ...token.operator, avatarUrl };
      }
      // Google: the API verifies Google's ID token itself and answers with its own session.
      const auth =
        account?.provider === 'google' && account.id_token
          ? await apiSignIn('/auth/google', { idToken: account.id_token })
          : (user as { auth?: AuthResponse } | undefined)?.auth;
      if (auth) {
        token.accessToken = auth.accessToken;
        token.accessTokenExpiresAt = auth.expiresAt;
        token.operator = auth.user;
      }
      return token;
    },
    session({ session, token }) {
      session.accessToken = token.accessToken;
      session.operator = token.operator;
      return session;
    },
  },
};

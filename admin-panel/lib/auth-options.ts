import { type AuthResponse, authResponseSchema, type ErrorBody } from '@chatiq/contracts';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { runtimeConfig } from './runtime-config';

/**
 * next-auth signs operators in against the API (POST /auth/login). The API's access token lives
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
        const response = await fetch(`${runtimeConfig.internalApiUrl}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: credentials?.email, password: credentials?.password }),
        });
        if (!response.ok) {
          const error = (await response.json().catch(() => null)) as ErrorBody | null;
          throw new Error(error?.code ?? 'invalid_credentials');
        }
        const auth: AuthResponse = authResponseSchema.parse(await response.json());
        return { id: auth.user.id, email: auth.user.email, name: auth.user.name, auth };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const auth = (user as { auth?: AuthResponse } | undefined)?.auth;
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

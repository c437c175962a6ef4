/**
 * Configuration read from the environment at request time on the server (never inlined at build),
 * so one build runs anywhere. The only place in the admin panel that reads process.env.
 */
export const runtimeConfig = {
  /** The API as the browser reaches it (REST and Socket.IO). */
  get publicApiUrl(): string {
    return (process.env.CHATIQ_API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  },
  /** The API as this server reaches it (defaults to the public URL). */
  get internalApiUrl(): string {
    return (process.env.API_INTERNAL_URL ?? process.env.CHATIQ_API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  },
  /** The panel's own public URL (next-auth's NEXTAUTH_URL): an https one means it is served over TLS. */
  get adminUrl(): string | null {
    return process.env.NEXTAUTH_URL ?? null;
  },
  /** Running under `next dev` (the security headers allow what React's development build needs). */
  get development(): boolean {
    return process.env.NODE_ENV === 'development';
  },
  /** Where the widget bundle is served, for embed snippets and the live preview. */
  get widgetUrl(): string {
    return (process.env.CHATIQ_WIDGET_URL ?? 'http://localhost:3002').replace(/\/$/, '');
  },
  /** Google sign-in (next-auth's Google provider), on when both are set; the API needs the same client id. */
  get google(): { clientId: string; clientSecret: string } | null {
    const clientId = process.env.GOOGLE_CLIENT_ID;
    const clientSecret = process.env.GOOGLE_CLIENT_SECRET;
    return clientId && clientSecret ? { clientId, clientSecret } : null;
  },
};

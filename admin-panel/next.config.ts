import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API's public URL is read at request time (lib/runtime-config.ts), not baked in at build.
  // No framing, nosniff, referrer and permissions policies on every response, static files
  // included; the Content-Security-Policy (with its per-request nonce) is set in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

// Languages: i18n/request.ts picks one per request (cookie, then Accept-Language).
export default createNextIntlPlugin('./i18n/request.ts')(config);

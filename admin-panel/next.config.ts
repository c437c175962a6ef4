import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API's public URL is read at request time (lib/runtime-config.ts), not baked in at build.
};

// Languages: i18n/request.ts picks one per request (cookie, then Accept-Language).
export default createNextIntlPlugin('./i18n/request.ts')(config);

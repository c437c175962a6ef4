import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The API's public URL is read at request time (lib/runtime-config.ts), not baked in at build.
};

export default config;

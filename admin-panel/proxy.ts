import { type NextRequest, NextResponse } from 'next/server';
import { runtimeConfig } from '@/lib/runtime-config';
import { apiSecurityHeaders, createNonce, pageSecurityHeaders, servedOverHttps } from '@/lib/security-headers';

/**
 * Security headers per request (Next.js 16's proxy, formerly middleware). Pages get a
 * Content-Security-Policy with a fresh nonce, set on the request too: Next.js reads the nonce from
 * the request's header and puts it on the scripts it renders (every page is rendered per request:
 * the root layout is dynamic). `/api/*` gets a script-free policy. The headers every response
 * carries (no framing, nosniff, referrer and permissions policies) come from next.config's headers().
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps({
    adminUrl: runtimeConfig.adminUrl,
    requestUrl: request.url,
    forwardedProto: request.headers.get('x-forwarded-proto'),
  });
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const response = NextResponse.next();
    for (const [key, value] of apiSecurityHeaders(https)) response.headers.set(key, value);
    return response;
  }
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    apiUrl: runtimeConfig.publicApiUrl,
    widgetUrl: runtimeConfig.widgetUrl,
    development: runtimeConfig.development,
    https,
  });
  const csp = headers.get('content-security-policy') ?? '';
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of headers) response.headers.set(key, value);
  return response;
}

export const config = {
  // Everything but the build's static files and the image optimizer, which get next.config's headers only.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};

import { createContentTypeOptions, createFrameOptions, createReferrerPolicy, type HostSource, nosecone, type Options } from 'nosecone';

/**
 * The admin panel's security headers, built with nosecone. Two layers:
 * - `STATIC_SECURITY_HEADERS` on every response, static files included (next.config `headers()`):
 *   no framing, no MIME sniffing, the referrer policy and the permissions policy;
 * - per request (`proxy.ts`): the Content-Security-Policy with a fresh nonce for pages
 *   (`pageSecurityHeaders`), a script-free one for `/api/*` (`apiSecurityHeaders`), the
 *   cross-origin isolation headers that do not get in the way, and HSTS when served over HTTPS.
 */

/**
 * Browser features the panel never uses are off for it and every frame in it (the widget preview
 * included). What it does use keeps its default of "this origin only", spelled out: writing to the
 * clipboard (copy buttons), autoplay (the inbox chime, Web Audio) and fullscreen. Reading the
 * clipboard stays at its default (this origin, after the user allows it): pasting needs no
 * permission, and the browser tests read back what a copy button wrote. Notifications and the Web
 * Audio API are not Permissions-Policy features. Only names Chromium knows: an unknown one is a
 * console error on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=(self)',
  'browsing-topics=()',
  'camera=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

const REFERRER_POLICY = 'strict-origin-when-cross-origin' as const;

/** Headers every response of the panel carries, static assets included (next.config `headers()`). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  createFrameOptions({ action: 'deny' }),
  createContentTypeOptions(),
  createReferrerPolicy({ policy: [REFERRER_POLICY] }),
  ['permissions-policy', PERMISSIONS_POLICY] as const,
].map(([key, value]) => ({ key, value }));

/** What a page's policy depends on. */
export type PagePolicyInput = {
  /** This response's nonce (`createNonce`). */
  nonce: string;
  /** The API as browsers reach it: REST, Socket.IO and attachments. */
  apiUrl: string;
  /** Where the widget is served: the live preview frames `${widgetUrl}/preview.html`. */
  widgetUrl: string;
  /** `next dev`: React rebuilds server error stacks with eval, and styles are injected without nonces. */
  development: boolean;
  /** Served over HTTPS: HSTS, and insecure subresource URLs are upgraded. */
  https: boolean;
};

/** A fresh nonce for one response: 16 random bytes, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The origin of `url` (a CSP host source: a path in one would match that path only), or null when it is not a URL. */
export function originOf(url: string): HostSource | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : (origin as HostSource);
  } catch {
    return null;
  }
}

/** The WebSocket origin beside an HTTP one (Socket.IO's transport): http → ws, https → wss. */
function webSocketOrigin(origin: HostSource): HostSource {
  return origin.replace(/^http/, 'ws') as HostSource;
}

/** What every response built here shares: HTTPS-only HSTS and the cross-origin headers that break nothing the panel does. */
function common(https: boolean): Omit<Options, 'contentSecurityPolicy'> {
  return {
    // require-corp would block the widget preview frame (another origin that sends no COEP).
    crossOriginEmbedderPolicy: false,
    // No window of another origin keeps a handle on the panel (Google sign-in is a full-page redirect, not a popup).
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: true,
    // Sent over HTTP, browsers ignore it anyway; do not claim HTTPS for an http:// deployment.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true, preload: false } : false,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xXssProtection: true,
    // Every response gets these from next.config headers() (STATIC_SECURITY_HEADERS): set once.
    xFrameOptions: false,
    xContentTypeOptions: false,
    referrerPolicy: false,
  };
}

/** The headers of a page (and of the RSC payloads of client navigations): the nonce-based CSP and the rest. */
export function pageSecurityHeaders(input: PagePolicyInput): Headers {
  const nonce = `'nonce-${input.nonce}'` as const;
  const api = originOf(input.apiUrl);
  const widget = originOf(input.widgetUrl);
  return nosecone({
    ...common(input.https),
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Next.js puts the nonce on its own scripts (it reads it from this header on the request);
        // 'strict-dynamic' lets them load the chunks they need. 'self' only counts for browsers
        // without 'strict-dynamic'. React needs eval in development only.
        scriptSrc: ["'self'", nonce, "'strict-dynamic'", ...(input.development ? (["'unsafe-eval'"] as const) : [])],
        // Style elements: the stylesheets Next.js links ('self') and the inline ones it renders
        // with the nonce ('next dev' injects styles without one, hence 'unsafe-inline' there).
        // Style attributes: React writes `style={…}` props into server-rendered HTML as attributes
        // (the preview's height, the charts' sizes), which only 'unsafe-inline' allows; a nonce
        // cannot cover an attribute, and 'unsafe-inline' beside a nonce is ignored, so the two
        // go in separate directives. A style attribute cannot run script: what an injected one
        // can do is restyle the page, which the frame-ancestors rule keeps from being clickjacking.
        styleSrc: input.development ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
        styleSrcAttr: ["'unsafe-inline'"],
        // REST, the Socket.IO WebSocket, and next-auth's own routes ('self').
        connectSrc: ["'self'", ...(api ? [api, webSocketOrigin(api)] : [])],
        // Attachments are fetched with the token and shown through blob: URLs; data: for small icons.
        imgSrc: ["'self'", 'data:', 'blob:', ...(api ? [api] : [])],
        fontSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        // Settings → Widget shows the real widget from its own origin.
        frameSrc: widget ? [widget] : ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // next-auth signs in by fetch (credentials, and Google: a POST for the URL, then a
        // redirect of the whole page), so no form leaves this origin.
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: input.https,
      },
    },
  });
}

/**
 * The headers of `/api/*`: JSON, redirects, and next-auth's few built-in pages (its error page,
 * signed-out page), which are plain HTML with an inline stylesheet and forms posting to
 * themselves. Nothing there needs a script.
 */
export function apiSecurityHeaders(https: boolean): Headers {
  return nosecone({
    ...common(https),
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https,
      },
    },
  });
}

/**
 * Whether this request reached the panel over HTTPS: the panel's public URL (NEXTAUTH_URL) is
 * https, the request itself was, or the reverse proxy in front says so (`X-Forwarded-Proto`, the
 * first value when proxies chain).
 */
export function servedOverHttps(request: { adminUrl: string | null; requestUrl: string; forwardedProto: string | null }): boolean {
  if (request.adminUrl?.toLowerCase().startsWith('https:')) return true;
  if (request.requestUrl.toLowerCase().startsWith('https:')) return true;
  return request.forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

import { describe, expect, it } from 'vitest';
import {
  apiSecurityHeaders,
  createNonce,
  originOf,
  PERMISSIONS_POLICY,
  pageSecurityHeaders,
  STATIC_SECURITY_HEADERS,
  servedOverHttps,
} from './security-headers';

/** directive → its sources. */
function directives(headers: Headers): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (headers.get('content-security-policy') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

const base = {
  nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
  apiUrl: 'https://api.example.com/',
  widgetUrl: 'https://cdn.example.com/widget',
  development: false,
  https: true,
};

describe('pageSecurityHeaders', () => {
  it('allows scripts by this response nonce only, with strict-dynamic, and no eval in production', () => {
    const csp = directives(pageSecurityHeaders(base));
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${base.nonce}'`, "'strict-dynamic'"]);
    expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${base.nonce}'`]);
    expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(pageSecurityHeaders(base).get('content-security-policy')).not.toContain('unsafe-eval');
  });

  it("adds 'unsafe-eval' and inline styles under next dev only", () => {
    const csp = directives(pageSecurityHeaders({ ...base, development: true }));
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${base.nonce}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('cannot be framed, loads no plugins, keeps base and form targets on this origin', () => {
    const csp = directives(pageSecurityHeaders(base));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it("names the API's HTTP and WebSocket origins, its images and blob: previews, and frames the widget's origin", () => {
    const csp = directives(pageSecurityHeaders(base));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://api.example.com', 'wss://api.example.com']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://api.example.com']);
    expect(csp.get('frame-src')).toEqual(['https://cdn.example.com']);
    const plain = directives(pageSecurityHeaders({ ...base, apiUrl: 'http://127.0.0.1:3000', widgetUrl: 'http://localhost:3002' }));
    expect(plain.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:3000', 'ws://127.0.0.1:3000']);
    expect(plain.get('frame-src')).toEqual(['http://localhost:3002']);
  });

  it('leaves out what is not a URL rather than writing it into the policy', () => {
    const csp = directives(pageSecurityHeaders({ ...base, apiUrl: "x'; script-src *", widgetUrl: 'not a url' }));
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${base.nonce}'`, "'strict-dynamic'"]);
  });

  it('sends HSTS and upgrades insecure requests over HTTPS only', () => {
    const tls = pageSecurityHeaders(base);
    expect(tls.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(directives(tls).has('upgrade-insecure-requests')).toBe(true);
    const plain = pageSecurityHeaders({ ...base, https: false });
    expect(plain.get('strict-transport-security')).toBeNull();
    expect(directives(plain).has('upgrade-insecure-requests')).toBe(false);
  });

  it('leaves the headers every response gets to next.config (sent once), and no COEP that would block the preview frame', () => {
    const headers = pageSecurityHeaders(base);
    for (const name of [
      'x-frame-options',
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'cross-origin-embedder-policy',
    ]) {
      expect(headers.get(name), name).toBeNull();
    }
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });
});

describe('apiSecurityHeaders', () => {
  it('allows no script, no framing; HSTS over HTTPS only', () => {
    const csp = directives(apiSecurityHeaders(false));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    expect(apiSecurityHeaders(false).get('strict-transport-security')).toBeNull();
    expect(apiSecurityHeaders(true).get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('STATIC_SECURITY_HEADERS', () => {
  it('deny framing and sniffing, set the referrer policy, turn off unused features and keep the used ones', () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]))).toEqual({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': PERMISSIONS_POLICY,
    });
    const features = new Map(PERMISSIONS_POLICY.split(', ').map((f) => f.split('=') as [string, string]));
    for (const off of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture'])
      expect(features.get(off), off).toBe('()');
    for (const used of ['clipboard-write', 'autoplay', 'fullscreen']) expect(features.get(used), used).toBe('(self)');
  });
});

describe('servedOverHttps', () => {
  const request = { adminUrl: 'http://localhost:3001', requestUrl: 'http://localhost:3001/login', forwardedProto: null };

  it('is true for an https admin URL, an https request, or a proxy that says https first', () => {
    expect(servedOverHttps({ ...request, adminUrl: 'https://app.example.com' })).toBe(true);
    expect(servedOverHttps({ ...request, requestUrl: 'https://app.example.com/login' })).toBe(true);
    expect(servedOverHttps({ ...request, forwardedProto: 'https' })).toBe(true);
    expect(servedOverHttps({ ...request, forwardedProto: 'HTTPS, http' })).toBe(true);
  });

  it('is false over plain HTTP', () => {
    expect(servedOverHttps(request)).toBe(false);
    expect(servedOverHttps({ ...request, adminUrl: null })).toBe(false);
    expect(servedOverHttps({ ...request, forwardedProto: 'http' })).toBe(false);
    expect(servedOverHttps({ ...request, forwardedProto: 'http, https' })).toBe(false);
  });
});

describe('createNonce and originOf', () => {
  it('makes a new base64 nonce of 16 random bytes each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('keeps the origin of a URL and refuses what is not one', () => {
    expect(originOf('https://api.example.com:8443/v1/')).toBe('https://api.example.com:8443');
    expect(originOf('nope')).toBeNull();
    expect(originOf('data:text/plain,x')).toBeNull();
  });
});

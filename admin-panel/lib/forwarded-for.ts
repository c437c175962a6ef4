import { isIP } from 'node:net';
import { headers } from 'next/headers';

/** Set by server/start.mjs once it rewrites every request's X-Forwarded-For to the resolved client. */
const CLIENT_ADDRESS_MARK = Symbol.for('chatiq.admin-panel.client-address');

/**
 * Headers for a call this server makes to the API on a user's behalf (sign-in by password or
 * Google): `X-Forwarded-For` with the address of the browser being served, so the API's per-IP
 * limits count that person, not the panel (the API trusts the panel as a proxy: TRUSTED_PROXIES).
 * Only what server/start.mjs resolved is passed on; without it (next dev, a bare `next start`,
 * outside a request) nothing is, and the API counts the panel's own address as before.
 */
export async function forwardedForBrowser(): Promise<Record<string, string>> {
  if ((globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_MARK] !== true) return {};
  try {
    const address = (await headers()).get('x-forwarded-for')?.trim();
    return address && isIP(address) ? { 'x-forwarded-for': address } : {};
  } catch {
    return {}; // not within a request
  }
}

import { createHmac } from 'node:crypto';

/**
 * The `ChatIQ-Signature` header, like Stripe's: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<body>")>`, one `v1=` per secret that is valid now (the current one first, then the one a
 * rotation replaced while it is still valid). Receivers accept the request when any `v1` matches
 * one of their secrets and `t` is recent (docs/webhooks.md).
 */
export function signatureHeader(body: string, secrets: readonly string[], unixSeconds: number): string {
  const signed = `${unixSeconds}.${body}`;
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  return [`t=${unixSeconds}`, ...signatures].join(',');
}

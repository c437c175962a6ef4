import type { VisitorIdentifyPayload } from '@chatiq/contracts';
import { checkEmail } from './email.js';

/** The contract's limits on `visitor:identify` (visitorIdentifyPayloadSchema). */
const MAX_USER_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 100;
const HMAC_HEX = /^[0-9a-f]{64}$/i;

export type IdentityCheck = { ok: true; identity: VisitorIdentifyPayload } | { ok: false; problem: string };

/**
 * `chtq.setUser({ id, name, email, hash })` as the `visitor:identify` payload the contract
 * accepts: `{ userId, userHash, name?, email? }`. `id` is the page's own user id (text or a
 * number), `hash` the hex HMAC-SHA256 of it with the site's identity secret, computed on the
 * page's server (required exactly with an id); at least one of id, name, email. Anything else is
 * refused here, with what is wrong, rather than by the server. Pure.
 */
export function toIdentity(user: unknown): IdentityCheck {
  if (typeof user !== 'object' || user === null) return { ok: false, problem: 'expected an object { id, name, email, hash }' };
  const { id, name, email, hash } = user as Record<string, unknown>;
  const identity: VisitorIdentifyPayload = {};
  if (id !== undefined && id !== null) {
    const userId = typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
    if (!userId || userId.length > MAX_USER_ID_LENGTH)
      return { ok: false, problem: `id must be text of 1-${MAX_USER_ID_LENGTH} characters` };
    if (typeof hash !== 'string' || !HMAC_HEX.test(hash)) {
      return { ok: false, problem: 'hash must be the hex HMAC-SHA256 of the id with the site’s identity secret' };
    }
    identity.userId = userId;
    identity.userHash = hash;
  } else if (hash !== undefined) {
    return { ok: false, problem: 'a hash needs its id' };
  }
  if (typeof name === 'string' && name.trim()) identity.name = name.trim().slice(0, MAX_NAME_LENGTH);
  if (email !== undefined && email !== null && email !== '') {
    const check = checkEmail(String(email));
    if (!check.ok) return { ok: false, problem: 'email is not an email address' };
    identity.email = check.email;
  }
  if (!identity.userId && !identity.name && !identity.email)
    return { ok: false, problem: 'give an id (with its hash), a name or an email' };
  return { ok: true, identity };
}

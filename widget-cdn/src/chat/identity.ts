import type { VisitorIdentifyPayload } from '@chatiq/contracts';
import { checkEmail } from './email.js';

/** The contract's limits on `visitor:identify` (visitorIdentifyPayloadSchema). */
const MAX_USER_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 100;
const HMAC_HEX = /^[0-9a-f]{64}$/i;
const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTE_KEY_LENGTH = 100;
const MAX_ATTRIBUTE_TEXT = 1000;

export type IdentityCheck = { ok: true; identity: VisitorIdentifyPayload } | { ok: false; problem: string };

/**
 * `chtq.setUser({ id, name, email, hash, attributes })` as the `visitor:identify` payload the contract
 * accepts: `{ userId, userHash, name?, email?, attributes? }` (attributes: custom contact
 * attributes by key, text, numbers, booleans or null; the server applies them for verified users only). `id` is the page's own user id (text or a
 * number), `hash` the hex HMAC-SHA256 of it with the site's identity secret, computed on the
 * page's server (required exactly with an id); at least one of id, name, email. Anything else is
 * refused here, with what is wrong, rather than by the server. Pure.
 */
export function toIdentity(user: unknown): IdentityCheck {
  if (typeof user !== 'object' || user === null) return { ok: false, problem: 'expected an object { id, name, email, hash }' };
  const { id, name, email, hash, attributes } = user as Record<string, unknown>;
  const identity: VisitorIdentifyPayload = {};
  if (id !== undefined && id !== null) {
    const userId = typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
    if (!userId || userId.length > MAX_USER_ID_LENGTH)
      return { ok: false, problem: `id must be text of 1-${MAX_USER_ID_LENGTH} characters` };
    if (typeof hash !== 'string' || !HMAC_HEX.test(hash)) {
      return { ok: false, problem: "hash must be the hex HMAC-SHA256 of the id with the site's identity secret" };
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
  if (attributes !== undefined && attributes !== null) {
    const checked = toAttributes(attributes);
    if (!checked) {
      return {
        ok: false,
        problem: `attributes must be an object of at most ${MAX_ATTRIBUTES} values (text up to ${MAX_ATTRIBUTE_TEXT} characters, numbers, true/false or null)`,
      };
    }
    identity.attributes = checked;
  }
  if (!identity.userId && !identity.name && !identity.email)
    return { ok: false, problem: 'give an id (with its hash), a name or an email' };
  return { ok: true, identity };
}

type AttributeValues = NonNullable<VisitorIdentifyPayload['attributes']>;

/** `attributes` as the contract takes them, or null when something in it does not fit. */
function toAttributes(attributes: unknown): AttributeValues | null {
  if (typeof attributes !== 'object' || Array.isArray(attributes)) return null;
  const entries = Object.entries(attributes as Record<string, unknown>);
  if (entries.length > MAX_ATTRIBUTES) return null;
  const out: AttributeValues = {};
  for (const [key, value] of entries) {
    const fits =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= MAX_ATTRIBUTE_TEXT);
    if (!fits || key.length > MAX_ATTRIBUTE_KEY_LENGTH) return null;
    out[key] = value as AttributeValues[string];
  }
  return out;
}

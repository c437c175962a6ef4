import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Encryption at rest of per-site secrets (AES-256-GCM): each site's AI provider API key and its
// identity-verification secret, and each webhook's signing secret (scoped by its organization
// id instead of a site id), all with the AI_SECRET_KEYS keyring.
//
// Stored form: `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id names the master
// key that sealed it, so master keys can rotate: the keyring's FIRST key seals new secrets, every
// key in it can still open the secrets it sealed. The purpose and the site id are authenticated
// data: a ciphertext copied into another site's row, or into another kind of secret's column,
// does not decrypt.
//
// Keyring string (from the environment): `kid1:<base64 of 32 bytes>,kid2:<base64 of 32 bytes>`,
// e.g. `k2026:$(openssl rand -base64 32)`. To rotate, put a new key first and keep the old ones
// until everything sealed with them has been re-encrypted (`needsReencryption`).

const FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export type SecretBoxErrorCode = 'malformed_keyring' | 'malformed_ciphertext' | 'unknown_kid' | 'decrypt_failed';

/** Every failure of the box. Messages never contain key material or plaintext. */
export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export type Keyring = {
  /** The key id new secrets are sealed with (the first in the keyring string). */
  readonly activeKid: string;
  readonly keys: ReadonlyMap<string, Buffer>;
};

/** Parses `kid:<base64>,kid:<base64>`; throws `malformed_keyring` with the offending entry's position. */
export function parseKeyring(spec: string): Keyring {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) {
    throw new SecretBoxError('malformed_keyring', 'The keyring is empty; expected kid:<base64 of 32 bytes>[,kid:<base64>…]');
  }
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const where = `keyring entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      throw new SecretBoxError('malformed_keyring', `${where} has no "kid:" prefix`);
    }
    const kid = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!KID_PATTERN.test(kid)) {
      throw new SecretBoxError('malformed_keyring', `${where}: key id must be 1-32 of A-Z a-z 0-9 _ -`);
    }
    if (keys.has(kid)) {
      throw new SecretBoxError('malformed_keyring', `${where}: duplicate key id "${kid}"`);
    }
    // Buffer.from(…, 'base64') silently skips junk characters, so check the alphabet first.
    const key = BASE64_PATTERN.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
    if (!key || key.length !== KEY_BYTES) {
      throw new SecretBoxError(
        'malformed_keyring',
        `${where} (kid "${kid}"): key must be base64 of exactly ${KEY_BYTES} bytes${key ? `, got ${key.length}` : ''}`,
      );
    }
    keys.set(kid, key);
  });
  // Maps keep insertion order: the first key id is the first entry's.
  return { activeKid: keys.keys().next().value!, keys };
}

/** What a sealed secret is; part of the authenticated data, so one kind never opens as another. */
export type SecretPurpose = 'ai-api-key' | 'site-identity-secret' | 'webhook-secret';

/** Binds a ciphertext to its purpose, its site and the key id written next to it. */
function additionalData(purpose: SecretPurpose, kid: string, siteId: string): Buffer {
  return Buffer.from(`chatiq:${purpose}:${FORMAT_VERSION}:${kid}:${siteId}`, 'utf8');
}

export class SecretBox {
  private readonly keyring: Keyring;

  constructor(
    keyring: Keyring | string,
    private readonly purpose: SecretPurpose,
  ) {
    this.keyring = typeof keyring === 'string' ? parseKeyring(keyring) : keyring;
    if (!this.keyring.keys.has(this.keyring.activeKid)) {
      throw new SecretBoxError('malformed_keyring', 'The active key id is not in the keyring');
    }
  }

  get activeKid(): string {
    return this.keyring.activeKid;
  }

  /** Seals `plaintext` for `siteId` with the active key and a fresh random IV. */
  encrypt(plaintext: string, siteId: string): string {
    const kid = this.keyring.activeKid;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyring.keys.get(kid)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(this.purpose, kid, siteId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT_VERSION, kid, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /** Opens a sealed secret of `siteId`; throws a `SecretBoxError` when it is malformed, foreign or tampered with. */
  decrypt(sealed: string, siteId: string): string {
    const { kid, iv, tag, ciphertext } = parseSealed(sealed);
    const key = this.keyring.keys.get(kid);
    if (!key) {
      throw new SecretBoxError('unknown_kid', `The secret was sealed with key id "${kid}", which is not in the keyring`);
    }
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(this.purpose, kid, siteId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // GCM does not say why; the usual causes are a ciphertext of another site or tampering.
      throw new SecretBoxError('decrypt_failed', 'The secret could not be decrypted (wrong site, or altered ciphertext)');
    }
  }

  /** True when `sealed` was not sealed with the active key (re-encrypt it after a rotation). */
  needsReencryption(sealed: string): boolean {
    return parseSealed(sealed).kid !== this.keyring.activeKid;
  }
}

function parseSealed(sealed: string): { kid: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT_VERSION) {
    throw new SecretBoxError('malformed_ciphertext', `The secret is not in the ${FORMAT_VERSION}.<kid>.<iv>.<tag>.<ciphertext> format`);
  }
  const [, kid, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (!KID_PATTERN.test(kid) || ![iv, tag, ciphertext].every((part) => BASE64URL_PATTERN.test(part))) {
    throw new SecretBoxError('malformed_ciphertext', 'The secret has an invalid key id or encoding');
  }
  const decoded = {
    kid,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new SecretBoxError('malformed_ciphertext', `The secret's IV or tag has the wrong length`);
  }
  return decoded;
}

/**
 * The last 4 characters of a key, what the admin sees to recognise it. Short keys (some
 * self-hosted servers accept anything) show only a mask, so the hint never reveals most of the key.
 */
export function last4(key: string): string {
  const trimmed = key.trim();
  return trimmed.length >= 12 ? trimmed.slice(-4) : '****';
}

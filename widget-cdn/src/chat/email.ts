// The visitor's email as the off-hours prompt and the transcript form check it (part of the lazy
// chunk those two share).

/** Loose on purpose: the server checks the address for real; this only catches slips before a round trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

export type EmailCheck = { ok: true; email: string } | { ok: false; error: 'required' | 'invalid' };

/** The address a visitor typed, trimmed and checked (`required` when empty). */
export function checkEmail(raw: string): EmailCheck {
  const email = raw.trim();
  if (!email) return { ok: false, error: 'required' };
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return { ok: false, error: 'invalid' };
  return { ok: true, email };
}

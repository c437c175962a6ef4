// The visitor's email and name as the off-hours form and the transcript form check them (part of
// the lazy chunk those two forms share).

/** Loose on purpose: the server checks the address for real; this only catches slips before a round trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;

export type EmailCheck = { ok: true; email: string } | { ok: false; error: 'required' | 'invalid' };

/** The address a visitor typed, trimmed and checked (`required` when empty). */
export function checkEmail(raw: string): EmailCheck {
  const email = raw.trim();
  if (!email) return { ok: false, error: 'required' };
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return { ok: false, error: 'invalid' };
  return { ok: true, email };
}

export interface LeaveMessageInput {
  name: string;
  email: string;
  message: string;
}

export type LeaveMessagePlan =
  | { ok: true; identify: { email: string; name?: string }; message: string | null }
  | { ok: false; field: 'email'; error: 'required' | 'invalid' };

/**
 * What the off-hours form sends: `visitor:identify` with the email (and the name when given),
 * then the message, if any, as an ordinary `visitor:message`.
 */
export function planLeaveMessage(input: LeaveMessageInput): LeaveMessagePlan {
  const email = checkEmail(input.email);
  if (!email.ok) return { ok: false, field: 'email', error: email.error };
  const name = input.name.trim().slice(0, MAX_NAME_LENGTH);
  const message = input.message.trim();
  return { ok: true, identify: name ? { email: email.email, name } : { email: email.email }, message: message || null };
}

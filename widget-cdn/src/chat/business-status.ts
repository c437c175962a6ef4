import type { AiChatState, BusinessStatusPayload } from '@chatiq/contracts';
import type { WidgetStrings } from '../i18n.js';

/** What the panel shows about the team's availability (pure: built from the last `business:status`). */
export interface BusinessView {
  /** The header's "Online" / "Offline", or null before the server said. */
  presence: { online: boolean; label: string } | null;
  /** The off-hours notice (the site's message or the default), or null while online. */
  offHoursText: string | null;
  /** Whether the off-hours form (email + message) is offered. */
  showForm: boolean;
  /** The "we will reply to …" line once the visitor left their email, while offline. */
  confirmation: string | null;
}

type ViewStrings = Pick<WidgetStrings, 'presenceOnline' | 'presenceOffline' | 'offHoursDefault' | 'messageLeft'>;

/**
 * The availability view: nothing before the first `business:status`; online, just the header's
 * label; offline, the off-hours text (the site's own, else the default) and the email form, or
 * a confirmation instead of the form once the visitor left their email.
 */
export function businessView(status: BusinessStatusPayload | null, leftEmail: string | null, strings: ViewStrings): BusinessView {
  if (status === null) return { presence: null, offHoursText: null, showForm: false, confirmation: null };
  if (status.online)
    return { presence: { online: true, label: strings.presenceOnline }, offHoursText: null, showForm: false, confirmation: null };
  const own = status.offHoursMessage?.trim();
  return {
    presence: { online: false, label: strings.presenceOffline },
    offHoursText: own || strings.offHoursDefault,
    showForm: leftEmail === null,
    confirmation: leftEmail === null ? null : strings.messageLeft(leftEmail),
  };
}

/**
 * The small line under the messages after `ai:handoff`: while the chat waits for a person,
 * "Connecting you to a person…" (or, outside business hours, "Waiting for an operator");
 * nothing once a person has it or it went back to the assistant.
 */
export function handoffLine(
  state: AiChatState | null,
  status: BusinessStatusPayload | null,
  strings: Pick<WidgetStrings, 'handoffConnecting' | 'handoffWaiting'>,
): string | null {
  if (state !== 'WAITING_FOR_HUMAN') return null;
  return status?.online === false ? strings.handoffWaiting : strings.handoffConnecting;
}

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

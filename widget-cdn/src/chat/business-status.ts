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

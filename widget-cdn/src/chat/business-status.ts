import type { AiChatState, BusinessStatusPayload } from '@chatiq/contracts';
import type { WidgetStrings } from '../i18n.js';

/** What the panel shows about the team's availability (pure: built from the last `business:status`). */
export interface BusinessView {
  /** The header's "Online" / "Offline", or null before the server said. */
  presence: { online: boolean; label: string } | null;
  /** The off-hours notice (the site's message or the default), or null while online. */
  offHoursText: string | null;
  /** Whether the inline email prompt is shown under the visitor's messages. */
  askEmail: boolean;
  /** The line that replaces the prompt once the visitor left their email, while offline. */
  confirmation: string | null;
}

/** What the availability view depends on besides the status (from the chat state). */
export interface EmailFacts {
  /** The server has an email of the visitor's (given before, or in this page). */
  known: boolean;
  /** The email given with the prompt in this page. */
  left: string | null;
  /** The visitor said "Not now". */
  skipped: boolean;
  /** The visitor has written in the conversation. */
  wrote: boolean;
}

type ViewStrings = Pick<WidgetStrings, 'presenceOnline' | 'presenceOffline' | 'offHoursDefault' | 'emailLeft'>;

/**
 * The availability view: nothing before the first `business:status`; online, just the header's
 * label; offline, the off-hours text (the site's own, else the default) and, once the visitor
 * wrote, one inline prompt for their email unless the server has one or they dismissed it; a
 * confirmation instead once they gave it.
 */
export function businessView(status: BusinessStatusPayload | null, email: EmailFacts, strings: ViewStrings): BusinessView {
  if (status === null) return { presence: null, offHoursText: null, askEmail: false, confirmation: null };
  if (status.online)
    return { presence: { online: true, label: strings.presenceOnline }, offHoursText: null, askEmail: false, confirmation: null };
  const own = status.offHoursMessage?.trim();
  return {
    presence: { online: false, label: strings.presenceOffline },
    offHoursText: own || strings.offHoursDefault,
    askEmail: email.wrote && !email.known && !email.skipped,
    confirmation: email.left === null ? null : strings.emailLeft(email.left),
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

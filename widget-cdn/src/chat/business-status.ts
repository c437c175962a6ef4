import type { AiChatState, BusinessStatusPayload } from '@chatiq/contracts';
import type { WidgetStrings } from '../i18n.js';

/** What the panel shows of off hours (pure: built from the last `business:status`). */
export interface BusinessView {
  /** The off-hours notice (the site's message or the default), or null while online. */
  offHoursText: string | null;
  /** Whether the inline email prompt is shown under the visitor's messages. */
  askEmail: boolean;
  /** The line that replaces the prompt once the visitor left their email, while offline. */
  confirmation: string | null;
}

/** What the off-hours view depends on besides the status (from the chat state). */
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

type ViewStrings = Pick<WidgetStrings, 'offHoursDefault' | 'emailLeft'>;

/** The header's availability: its state (the dot's colour) and its label. */
export type HeaderPresence = { state: 'online' | 'away' | 'offline'; label: string };

/**
 * The header's availability, always true: nothing before the first `business:status`; offline
 * while the connection is down or outside business hours; within them, online when someone can
 * answer (`staffed`, from `team:presence`; unknown counts as yes), else away ("replies may take
 * a while").
 */
export function headerPresence(
  status: BusinessStatusPayload | null,
  staffed: boolean | null,
  connected: boolean,
  strings: Pick<WidgetStrings, 'presenceOnline' | 'presenceAway' | 'presenceOffline'>,
): HeaderPresence | null {
  if (status === null) return null;
  if (!connected || !status.online) return { state: 'offline', label: strings.presenceOffline };
  return staffed === false ? { state: 'away', label: strings.presenceAway } : { state: 'online', label: strings.presenceOnline };
}

/**
 * The off-hours view: nothing before the first `business:status` or within hours; outside them,
 * the off-hours text (the site's own, else the default) and, once the visitor wrote, one inline
 * prompt for their email unless the server has one or they dismissed it; a confirmation instead
 * once they gave it.
 */
export function businessView(status: BusinessStatusPayload | null, email: EmailFacts, strings: ViewStrings): BusinessView {
  if (status === null || status.online) return { offHoursText: null, askEmail: false, confirmation: null };
  const own = status.offHoursMessage?.trim();
  return {
    offHoursText: own || strings.offHoursDefault,
    askEmail: email.wrote && !email.known && !email.skipped,
    confirmation: email.left === null ? null : strings.emailLeft(email.left),
  };
}

/**
 * The small line under the messages after `ai:handoff`: while the chat waits for a person,
 * "Connecting you to a person…" (or, outside business hours or with nobody of the team online,
 * "Waiting for an operator"); nothing once a person has it or it went back to the assistant.
 */
export function handoffLine(
  state: AiChatState | null,
  status: BusinessStatusPayload | null,
  strings: Pick<WidgetStrings, 'handoffConnecting' | 'handoffWaiting'>,
  staffed: boolean | null = null,
): string | null {
  if (state !== 'WAITING_FOR_HUMAN') return null;
  return status?.online === false || staffed === false ? strings.handoffWaiting : strings.handoffConnecting;
}

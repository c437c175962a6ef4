import type { AiChatState, BusinessStatusPayload } from '@chatiq/contracts';
import type { WidgetStrings } from '../i18n.js';

/** What the off-hours card shows (pure: built from the last `business:status`). */
export interface BusinessView {
  /** The off-hours notice (the site's message or the default), or null while online. */
  offHoursText: string | null;
  /** Whether the off-hours form (email + message) is offered. */
  showForm: boolean;
  /** The "we will reply to …" line once the visitor left their email, while offline. */
  confirmation: string | null;
}

type ViewStrings = Pick<WidgetStrings, 'offHoursDefault' | 'messageLeft'>;

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
 * The off-hours card: nothing before the first `business:status` or while open; outside business
 * hours, the off-hours text (the site's own, else the default) and the email form, or a
 * confirmation instead of the form once the visitor left their email.
 */
export function businessView(status: BusinessStatusPayload | null, leftEmail: string | null, strings: ViewStrings): BusinessView {
  if (status === null || status.online) return { offHoursText: null, showForm: false, confirmation: null };
  const own = status.offHoursMessage?.trim();
  return {
    offHoursText: own || strings.offHoursDefault,
    showForm: leftEmail === null,
    confirmation: leftEmail === null ? null : strings.messageLeft(leftEmail),
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

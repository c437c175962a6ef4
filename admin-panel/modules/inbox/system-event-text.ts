import type { MessageDto } from '@chatiq/contracts';

/** The `inbox` namespace's translator (`useTranslations('inbox')`), as far as this file needs it. */
export type InboxTranslate = (key: string, values?: Record<string, string>) => string;

const TRIGGERS: Record<string, string | null> = {
  KEYWORD: 'keywords',
  PATTERN: 'pattern',
  FIRST_MESSAGE: null,
  OUTSIDE_HOURS: null,
  NO_REPLY: 'seconds',
};
const STATUSES = new Set(['OPEN', 'PENDING', 'SNOOZED', 'RESOLVED']);

/**
 * What a SYSTEM message says, in the operator's language: rendered from its `systemEvent` (code and
 * parameters, see `systemEventSchema` in the contract), else its `text` (the server's English
 * sentence: older messages, a code this panel does not know, a parameter missing). `ai.handoff` is
 * shown as its text: that is what the visitor read, already in their language (the transition
 * beside it says why, in the operator's).
 */
export function systemMessageText(
  message: Pick<MessageDto, 'text' | 'systemEvent'>,
  t: InboxTranslate,
  /** An ISO instant as the reader's date and time (a snooze's `until`). */
  dateTime: (iso: string) => string = (iso) => iso,
): string {
  const event = message.systemEvent;
  if (!event) return message.text;
  const { actor, assignee } = event.params;
  switch (event.code) {
    case 'chat.assigned':
      return actor !== undefined && assignee !== undefined ? t('systemEvent.assigned', { actor, assignee }) : message.text;
    case 'chat.self_assigned':
      return actor !== undefined ? t('systemEvent.selfAssigned', { actor }) : message.text;
    case 'chat.unassigned':
      return actor !== undefined ? t('systemEvent.unassigned', { actor }) : message.text;
    case 'auto_reply.fired':
      return autoReplyText(event.params, t) ?? message.text;
    case 'chat.auto_resolved':
      return event.params.minutes !== undefined ? t('systemEvent.autoResolved', { minutes: event.params.minutes }) : message.text;
    case 'chat.snoozed': {
      const until = event.params.until;
      if (actor === undefined || until === undefined || Number.isNaN(Date.parse(until))) return message.text;
      return t('systemEvent.snoozed', { actor, until: dateTime(until) });
    }
    case 'chat.unsnoozed':
      return event.params.reason === 'time' || event.params.reason === 'visitor'
        ? t(`systemEvent.unsnoozed.${event.params.reason}`)
        : message.text;
    default:
      return message.text;
  }
}

/** "Auto-reply: keyword rule ("price") answered message #3; status set to pending; assigned to Bohdan". */
function autoReplyText(params: Record<string, string>, t: InboxTranslate): string | null {
  const { trigger, seq, status, assignee, notAssigned } = params;
  if (trigger === undefined || seq === undefined || !Object.hasOwn(TRIGGERS, trigger)) return null;
  const detail = TRIGGERS[trigger];
  if (detail && params[detail] === undefined) return null;
  const rule = t(`systemEvent.autoReply.trigger.${trigger}`, detail ? { [detail]: params[detail]! } : undefined);
  const parts = [t('systemEvent.autoReply.fired', { rule, seq })];
  if (status !== undefined) {
    if (!STATUSES.has(status)) return null;
    parts.push(t('systemEvent.autoReply.status', { status: t(`status.${status}`) }));
  }
  if (notAssigned === 'true') parts.push(t('systemEvent.autoReply.notAssigned'));
  if (assignee !== undefined) parts.push(t('systemEvent.autoReply.assigned', { name: assignee }));
  return parts.join('; ');
}

import type { AutoReplyDto, AutoReplyRuleInput, AutoReplyTrigger } from '@chatiq/contracts';

/** An auto-reply rule as the form edits it (every trigger's field kept, so switching back loses nothing). */
export type AutoReplyForm = {
  trigger: AutoReplyTrigger;
  /** One keyword or phrase per line (commas separate too). */
  keywords: string;
  pattern: string;
  noReplySeconds: string;
  replyText: string;
  setStatus: '' | 'PENDING' | 'RESOLVED';
  assignToOperatorId: string;
  enabled: boolean;
  stopAfter: boolean;
  position: number;
};

/** Room between positions, so a rule can later go between two others without renumbering. */
export const POSITION_STEP = 10;

export function emptyAutoReplyForm(position: number): AutoReplyForm {
  return {
    trigger: 'KEYWORD',
    keywords: '',
    pattern: '',
    noReplySeconds: '120',
    replyText: '',
    setStatus: '',
    assignToOperatorId: '',
    enabled: true,
    stopAfter: false,
    position,
  };
}

export function formFromRule(rule: AutoReplyDto): AutoReplyForm {
  return {
    ...emptyAutoReplyForm(rule.position),
    trigger: rule.trigger,
    keywords: rule.trigger === 'KEYWORD' ? rule.keywords.join('\n') : '',
    pattern: rule.trigger === 'PATTERN' ? rule.pattern : '',
    noReplySeconds: rule.trigger === 'NO_REPLY' ? String(rule.noReplySeconds) : '120',
    replyText: rule.replyText,
    setStatus: rule.setStatus ?? '',
    assignToOperatorId: rule.assignToOperatorId ?? '',
    enabled: rule.enabled,
    stopAfter: rule.stopAfter,
  };
}

const keywordList = (text: string) =>
  text
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter(Boolean);

/** The POST/PUT body: only the chosen trigger's field, optional actions left out when unset. */
export function ruleBodyFromForm(form: AutoReplyForm): AutoReplyRuleInput {
  const action = {
    replyText: form.replyText,
    ...(form.setStatus ? { setStatus: form.setStatus } : {}),
    ...(form.assignToOperatorId ? { assignToOperatorId: form.assignToOperatorId } : {}),
    enabled: form.enabled,
    position: form.position,
    stopAfter: form.stopAfter,
  };
  switch (form.trigger) {
    case 'KEYWORD':
      return { trigger: 'KEYWORD', keywords: keywordList(form.keywords), ...action };
    case 'PATTERN':
      return { trigger: 'PATTERN', pattern: form.pattern, ...action };
    case 'NO_REPLY':
      return {
        trigger: 'NO_REPLY',
        noReplySeconds: form.noReplySeconds.trim() === '' ? Number.NaN : Number(form.noReplySeconds),
        ...action,
      };
    default:
      return { trigger: form.trigger, ...action };
  }
}

/** A stored rule as a PUT body (what the API answered, minus ids and times). */
export function ruleBody(rule: AutoReplyDto): AutoReplyRuleInput {
  return ruleBodyFromForm(formFromRule(rule));
}

/** Where a new rule goes: after the last one. */
export function nextPosition(rules: readonly Pick<AutoReplyDto, 'position'>[]): number {
  return rules.length === 0 ? 0 : Math.max(...rules.map((r) => r.position)) + POSITION_STEP;
}

/**
 * Moves the rule at `index` by `delta` places (−1 up, +1 down) and renumbers the list in steps of
 * 10: the new positions of the rules whose position changes (nothing if it cannot move).
 */
export function moveRule(
  rules: readonly Pick<AutoReplyDto, 'id' | 'position'>[],
  index: number,
  delta: number,
): { id: string; position: number }[] {
  const target = index + delta;
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) return [];
  const order = [...rules];
  const [moved] = order.splice(index, 1);
  if (!moved) return [];
  order.splice(target, 0, moved);
  return order
    .map((rule, i) => ({ id: rule.id, position: i * POSITION_STEP, before: rule.position }))
    .filter((r) => r.position !== r.before)
    .map(({ id, position }) => ({ id, position }));
}

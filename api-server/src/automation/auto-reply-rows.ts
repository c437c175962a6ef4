import type { AutoReplyDto, AutoReplyRule } from '@chatiq/contracts';
import type { AutoReply } from '../generated/prisma/client.js';
import type { StoredAutoReplyRule } from './auto-reply-matcher.js';

/** The per-site cache (SiteCachesService) of the rules a visitor message is matched against. */
export const AUTO_REPLY_RULES_CACHE = 'auto-reply-rules';

/** A stored rule as the contract (and the matcher) sees it: each trigger with its own field. */
export function toRule(row: AutoReply): StoredAutoReplyRule {
  const action = {
    id: row.id,
    replyText: row.replyText,
    enabled: row.enabled,
    position: row.position,
    stopAfter: row.stopAfter,
    ...(row.setStatus === 'PENDING' || row.setStatus === 'RESOLVED' ? { setStatus: row.setStatus } : {}),
    ...(row.assignToOperatorId ? { assignToOperatorId: row.assignToOperatorId } : {}),
  };
  switch (row.trigger) {
    case 'KEYWORD':
      return { trigger: 'KEYWORD', keywords: row.keywords, ...action };
    case 'PATTERN':
      return { trigger: 'PATTERN', pattern: row.pattern ?? '', ...action };
    case 'NO_REPLY':
      return { trigger: 'NO_REPLY', noReplySeconds: row.noReplySeconds ?? 60, ...action };
    case 'FIRST_MESSAGE':
    case 'OUTSIDE_HOURS':
      return { trigger: row.trigger, ...action };
  }
}

export function toAutoReplyDto(row: AutoReply): AutoReplyDto {
  return { ...toRule(row), siteId: row.siteId, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The columns of a validated rule; the fields of other triggers are cleared. */
export function toRowData(rule: AutoReplyRule) {
  return {
    trigger: rule.trigger,
    keywords: rule.trigger === 'KEYWORD' ? rule.keywords : [],
    pattern: rule.trigger === 'PATTERN' ? rule.pattern : null,
    noReplySeconds: rule.trigger === 'NO_REPLY' ? rule.noReplySeconds : null,
    replyText: rule.replyText,
    setStatus: rule.setStatus ?? null,
    assignToOperatorId: rule.assignToOperatorId ?? null,
    enabled: rule.enabled,
    position: rule.position,
    stopAfter: rule.stopAfter,
  };
}

/** One line for the chat's private log: which rule fired and why. */
export function describeTrigger(rule: StoredAutoReplyRule): string {
  switch (rule.trigger) {
    case 'KEYWORD':
      return `keyword rule (${rule.keywords.map((k) => `"${k}"`).join(', ')})`;
    case 'PATTERN':
      return `pattern rule (/${rule.pattern}/)`;
    case 'FIRST_MESSAGE':
      return 'first-message rule';
    case 'OUTSIDE_HOURS':
      return 'outside-hours rule';
    case 'NO_REPLY':
      return `no-reply rule (${rule.noReplySeconds} s without an answer)`;
  }
}

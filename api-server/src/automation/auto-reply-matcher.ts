import type { AutoReplyRule } from '@chatiq/contracts';
import { capMatchedText, PatternCache } from './auto-reply-pattern.js';
import { containsWholeWord, normalizeForKeywords } from './keyword-match.js';

/** A stored rule: the contract's rule with its id (and whatever else the caller keeps on it). */
export type StoredAutoReplyRule = AutoReplyRule & { id: string };

/**
 * What happened in a chat. Auto-replies answer only a visitor: the 'message' event must be a
 * message the visitor wrote, and its `authorKind: 'VISITOR'` makes the compiler refuse anything
 * else. That is the "never loops" rule: an auto-reply, an AI answer, an operator message or a
 * system notice is never passed here, so a reply cannot trigger a rule, which could trigger
 * another (two KEYWORD rules whose replies contain each other's keyword would otherwise ping-pong
 * forever). NO_REPLY is driven by a timer on the visitor's last message, and an automated reply
 * must not count as the operator's reply that stops that timer, nor restart it.
 */
export type AutoReplyEvent =
  | {
      event: 'message';
      authorKind: 'VISITOR';
      text: string;
      /** The chat's first visitor message. */
      isFirstVisitorMessage: boolean;
      /** The site's business hours say closed (see `isOpenAt`). */
      isOutsideHours: boolean;
      /** Rules already fired in this chat that must not fire again (e.g. one OUTSIDE_HOURS reply per chat). */
      alreadyFiredRuleIds?: ReadonlySet<string>;
    }
  | {
      event: 'no_reply_timeout';
      /** How long the visitor's last message has waited without an operator reply. */
      secondsSinceLastVisitorMessageWithoutReply: number;
      /** NO_REPLY rules that already fired for this wait: a 60 s rule does not fire again at 300 s. */
      alreadyFiredRuleIds?: ReadonlySet<string>;
    };

const defaultPatterns = new PatternCache();

/**
 * The rules that fire for `event`, in ascending `position` (ties keep the given order). Disabled
 * rules are skipped; evaluation stops after the first firing rule that has `stopAfter`.
 *
 * - KEYWORD: any keyword as a whole word or phrase, case-insensitive, in any script.
 * - PATTERN: the RE2 pattern anywhere in the text, case-insensitive (see `auto-reply-pattern.ts`).
 * - FIRST_MESSAGE / OUTSIDE_HOURS: on a visitor message, when the event says so.
 * - NO_REPLY: only on 'no_reply_timeout', once the wait reaches the rule's `noReplySeconds`.
 * Only the first `MATCHED_TEXT_MAX_LENGTH` characters of a message are matched.
 */
export function matchAutoReplies<R extends StoredAutoReplyRule>(
  rules: readonly R[],
  event: AutoReplyEvent,
  patterns: PatternCache = defaultPatterns,
): R[] {
  // The type already says so; this guards callers that pass a parsed `authorKind` through a cast.
  if (event.event === 'message' && event.authorKind !== 'VISITOR') return [];
  const text = event.event === 'message' ? capMatchedText(event.text) : '';
  let keywordText: string | undefined;
  const fires = (rule: R): boolean => {
    switch (rule.trigger) {
      case 'KEYWORD':
        if (event.event !== 'message') return false;
        keywordText ??= normalizeForKeywords(text);
        return rule.keywords.some((keyword) => containsWholeWord(keywordText!, normalizeForKeywords(keyword).trim()));
      case 'PATTERN':
        return event.event === 'message' && (patterns.get(rule.pattern)?.test(text) ?? false);
      case 'FIRST_MESSAGE':
        return event.event === 'message' && event.isFirstVisitorMessage;
      case 'OUTSIDE_HOURS':
        return event.event === 'message' && event.isOutsideHours;
      case 'NO_REPLY':
        return event.event === 'no_reply_timeout' && event.secondsSinceLastVisitorMessageWithoutReply >= rule.noReplySeconds;
      default:
        return assertNever(rule);
    }
  };

  const fired: R[] = [];
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => a.rule.position - b.rule.position || a.index - b.index);
  for (const { rule } of ordered) {
    if (!rule.enabled || event.alreadyFiredRuleIds?.has(rule.id)) continue;
    if (!fires(rule)) continue;
    fired.push(rule);
    if (rule.stopAfter) break;
  }
  return fired;
}

function assertNever(rule: never): never {
  throw new Error(`Unknown auto-reply trigger in ${JSON.stringify(rule)}`);
}

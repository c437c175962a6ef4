import { AUTO_REPLY_PATTERN_MAX_LENGTH } from '@chatiq/contracts';
import { RE2JS } from 're2js';

/**
 * Auto-reply patterns are written by site owners and run against text written by anonymous
 * visitors, on the server's event loop. With a backtracking engine (JavaScript's RegExp, PCRE)
 * that is a denial-of-service: `(a+)+$` against "aaaa…a!" tries every way of splitting the a's
 * between the two `+`, 2^n paths. Measured with Node 24's RegExp: 24 a's take 0.12 s and every
 * further a doubles it; `(.*a){20}x` against 30 a's takes 43 s. 50,000 characters would never
 * finish, freezing every chat on the node. We evaluate patterns with re2js, a port of RE2: it
 * compiles the pattern to an automaton and advances all alternatives in lockstep, one pass over the
 * input, never going back, so the time is linear in the input length times the program size
 * whatever the pattern. It cannot even express the features that need backtracking
 * (backreferences, lookaround) and refuses them at compile time. Two caps bound that product: the
 * program size (below) and the length of the evaluated text.
 *
 * RE2 syntax differs from JavaScript's in ways owners may notice: `\b` and `\w` are ASCII-only
 * (so `\bціна\b` never matches Cyrillic; KEYWORD rules are the way to match whole words).
 */

/**
 * RE2 "instructions" a pattern may compile to. Generous for chat rules (a 30-word alternation is
 * about 200) while keeping the automaton small: `.{0,240}x.{0,240}y` compiles to 964 and scans
 * 5,000 characters in a few milliseconds; at 4,000 instructions the same scan takes 150 ms.
 */
export const PATTERN_MAX_PROGRAM_SIZE = 1000;

/** Only the start of a message is matched against patterns and keywords. */
export const MATCHED_TEXT_MAX_LENGTH = 5000;

export type PatternCompilation = { ok: true; regex: RE2JS } | { ok: false; reason: string };

/**
 * Compiles a rule's pattern as it will be evaluated: RE2 syntax, case-insensitive (chat text
 * has no reliable case; `(?-i)` in the pattern turns it back on), found anywhere in the text.
 * Refuses what RE2 cannot compile, what is longer than the contract allows, and what compiles too large.
 */
export function compileAutoReplyPattern(pattern: string): PatternCompilation {
  if (pattern.length === 0 || pattern.length > AUTO_REPLY_PATTERN_MAX_LENGTH) {
    return { ok: false, reason: `Must be 1–${AUTO_REPLY_PATTERN_MAX_LENGTH} characters` };
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Not a valid RE2 pattern (no lookaround or backreferences): ${detail}` };
  }
  if (regex.programSize() > PATTERN_MAX_PROGRAM_SIZE) {
    return { ok: false, reason: 'Pattern is too complex; use fewer or smaller repetitions' };
  }
  return { ok: true, regex };
}

/** The first `MATCHED_TEXT_MAX_LENGTH` UTF-16 units of `text`, without splitting a surrogate pair. */
export function capMatchedText(text: string): string {
  if (text.length <= MATCHED_TEXT_MAX_LENGTH) return text;
  const high = text.charCodeAt(MATCHED_TEXT_MAX_LENGTH - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? MATCHED_TEXT_MAX_LENGTH - 1 : MATCHED_TEXT_MAX_LENGTH;
  return text.slice(0, end);
}

/**
 * Compiled patterns by pattern text, so each rule's pattern is compiled once, not per message.
 * A pattern that does not compile is remembered as null (rules are validated when saved, so that
 * only happens to rows written before a rule change; such a rule never fires). Bounded: the least
 * recently used entry is dropped past `maxEntries`.
 */
export class PatternCache {
  private readonly entries = new Map<string, RE2JS | null>();

  constructor(private readonly maxEntries = 1000) {}

  get(pattern: string): RE2JS | null {
    let regex = this.entries.get(pattern);
    if (regex === undefined) {
      const compiled = compileAutoReplyPattern(pattern);
      regex = compiled.ok ? compiled.regex : null;
    } else {
      this.entries.delete(pattern);
    }
    this.entries.set(pattern, regex);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return regex;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Whole-word keyword matching for any script. JavaScript's `\b` (and RE2's) only knows ASCII
 * letters, so "ціна" would have a "word boundary" between every letter; instead a boundary here is
 * any place where a letter, mark or digit of any script does not continue the word. Plain string
 * search, no regular expression built from the keyword, so a keyword cannot be a pattern.
 */

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}\p{Pc}]$/u;

/**
 * Apostrophes inside a word belong to it (Ukrainian "м'ясо", English "don't"), so "ясо" does not
 * match "м'ясо"; a quote next to a space ("'ціна'") still ends the word.
 */
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);

/**
 * The form both keywords and messages are compared in: composed Unicode (so "й" typed as и + ̆
 * equals "й"), lower case, final sigma folded, and runs of whitespace as one space.
 */
export function normalizeForKeywords(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ς/g, 'σ').replace(/\s+/gu, ' ');
}

/** Whether `text` contains any of `keywords` as a whole word or phrase, ignoring case. */
export function containsKeyword(text: string, keywords: readonly string[]): boolean {
  const haystack = normalizeForKeywords(text);
  return keywords.some((keyword) => containsWholeWord(haystack, normalizeForKeywords(keyword).trim()));
}

/** `haystack` and `needle` already normalized. */
export function containsWholeWord(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  // A keyword edge that is not a letter ("c++", "$5") needs no boundary on that side.
  const needsStart = isWordCharacter(codePointAfter(needle, 0));
  const needsEnd = isWordCharacter(codePointBefore(needle, needle.length));
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if ((!needsStart || !continuesBefore(haystack, at)) && (!needsEnd || !continuesAfter(haystack, end))) return true;
  }
  return false;
}

function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

/** Whether the word ending at `index` continues to its left. */
function continuesBefore(text: string, index: number): boolean {
  const previous = codePointBefore(text, index);
  if (isWordCharacter(previous)) return true;
  return APOSTROPHES.has(previous) && isWordCharacter(codePointBefore(text, index - previous.length));
}

/** Whether the word starting at `index` continues to its right. */
function continuesAfter(text: string, index: number): boolean {
  const next = codePointAfter(text, index);
  if (isWordCharacter(next)) return true;
  return APOSTROPHES.has(next) && isWordCharacter(codePointAfter(text, index + next.length));
}

/** The whole character (code point) that ends at `index`, or "" at the start. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

/** The whole character (code point) that starts at `index`, or "" at the end. */
function codePointAfter(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

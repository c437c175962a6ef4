import { describe, expect, it } from 'vitest';
import { capMatchedText, compileAutoReplyPattern, MATCHED_TEXT_MAX_LENGTH, PatternCache } from './auto-reply-pattern.js';

function compiled(pattern: string) {
  const result = compileAutoReplyPattern(pattern);
  if (!result.ok) throw new Error(result.reason);
  return result.regex;
}

describe('compileAutoReplyPattern', () => {
  it('compiles RE2 patterns that match anywhere, ignoring case', () => {
    const regex = compiled('order\\s*#?\\d{4,}');
    expect(regex.test('Where is ORDER #12345?')).toBe(true);
    expect(regex.test('order 12')).toBe(false);
    expect(compiled('цін[аи]').test('Які ЦІНИ?')).toBe(true);
    expect(compiled('(?-i)SKU').test('sku')).toBe(false);
  });

  it('refuses what RE2 cannot compile: lookaround, backreferences, possessive quantifiers, syntax errors', () => {
    for (const pattern of ['(?=a)b', '(?<!a)b', '(a)\\1', 'a++', '[', '(', 'a{1001}']) {
      const result = compileAutoReplyPattern(pattern);
      expect(result.ok, pattern).toBe(false);
      if (!result.ok) expect(result.reason, pattern).toMatch(/Not a valid RE2 pattern/);
    }
  });

  it('refuses patterns longer than the contract allows or too large once compiled', () => {
    expect(compileAutoReplyPattern('a'.repeat(201)).ok).toBe(false);
    expect(compileAutoReplyPattern('').ok).toBe(false);
    const large = compileAutoReplyPattern('.{0,999}x.{0,999}y');
    expect(large.ok).toBe(false);
    if (!large.ok) expect(large.reason).toMatch(/too complex/);
    expect(compileAutoReplyPattern('(.*a){20}').ok).toBe(true);
  });
});

describe('pathological patterns', () => {
  // With JavaScript's own RegExp each of these is catastrophic on such input (exponential
  // backtracking: `(a+)+$` needs ~0.1 s for 24 a's and doubles with every further a; `(.*a){20}x`
  // needs ~40 s for 30 a's), so they are deliberately not run with RegExp here.
  const adversarial = 'a'.repeat(50_000);
  const cases: Array<[string, string]> = [
    ['(a+)+$', `${adversarial}!`],
    ['(a|aa)+$', `${adversarial}!`],
    ['(.*a){20}', adversarial],
    ['(.*a){20}x', adversarial],
    ['(a+)+b', adversarial],
    ['^(\\w+\\s?)*$', `${'ab '.repeat(16_000)}!`],
  ];

  it('evaluate 100 times on 50,000-character inputs well within a second', () => {
    const regexes = cases.map(([pattern, input]) => ({ regex: compiled(pattern), input }));
    const started = performance.now();
    for (let run = 0; run < 100; run++) {
      const { regex, input } = regexes[run % regexes.length]!;
      regex.test(input);
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
  });

  it('still give the right answers', () => {
    expect(compiled('(a+)+$').test(`${adversarial}!`)).toBe(false);
    expect(compiled('(a+)+$').test(adversarial)).toBe(true);
    expect(compiled('(.*a){20}').test(adversarial)).toBe(true);
    expect(compiled('(.*a){20}').test('a'.repeat(19))).toBe(false);
    expect(compiled('(.*a){20}x').test(adversarial)).toBe(false);
  });
});

describe('capMatchedText', () => {
  it('keeps short text and cuts long text without splitting a surrogate pair', () => {
    expect(capMatchedText('hi')).toBe('hi');
    expect(capMatchedText('a'.repeat(MATCHED_TEXT_MAX_LENGTH + 10))).toHaveLength(MATCHED_TEXT_MAX_LENGTH);
    const cut = capMatchedText(`${'a'.repeat(MATCHED_TEXT_MAX_LENGTH - 1)}😀tail`);
    expect(cut).toBe('a'.repeat(MATCHED_TEXT_MAX_LENGTH - 1));
  });
});

describe('PatternCache', () => {
  it('compiles each pattern once and reuses it', () => {
    const cache = new PatternCache();
    const first = cache.get('hello|hi');
    expect(first).not.toBeNull();
    expect(cache.get('hello|hi')).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('remembers invalid patterns as null and drops the least recently used past its bound', () => {
    const cache = new PatternCache(2);
    expect(cache.get('(?=x)')).toBeNull();
    const a = cache.get('a');
    cache.get('(?=x)'); // touch: now the most recently used
    cache.get('b'); // evicts "a"
    expect(cache.size).toBe(2);
    expect(cache.get('a')).not.toBe(a);
  });
});

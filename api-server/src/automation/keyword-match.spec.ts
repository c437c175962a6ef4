import { describe, expect, it } from 'vitest';
import { containsKeyword } from './keyword-match.js';

describe('containsKeyword', () => {
  it('matches a Cyrillic keyword as a whole word, ignoring case', () => {
    expect(containsKeyword('Яка ціна?', ['ціна'])).toBe(true);
    expect(containsKeyword('ЦІНА доставки', ['ціна'])).toBe(true);
    expect(containsKeyword('ціна', ['ЦіНа'])).toBe(true);
    expect(containsKeyword('«ціна»,', ['ціна'])).toBe(true);
  });

  it('does not match inside a longer word in any script', () => {
    expect(containsKeyword('ціназ', ['ціна'])).toBe(false);
    expect(containsKeyword('уціна', ['ціна'])).toBe(false);
    expect(containsKeyword('ціна2', ['ціна'])).toBe(false);
    expect(containsKeyword('pricey', ['price'])).toBe(false);
    expect(containsKeyword('Preis', ['pre'])).toBe(false);
  });

  it('treats apostrophes inside words as part of them', () => {
    expect(containsKeyword("Чи є м'ясо?", ['ясо'])).toBe(false);
    expect(containsKeyword('Чи є м’ясо?', ["м'ясо"])).toBe(false); // different apostrophe, different word
    expect(containsKeyword("Чи є м'ясо?", ["м'ясо"])).toBe(true);
    expect(containsKeyword("'ціна'", ['ціна'])).toBe(true);
  });

  it('matches phrases across any run of whitespace, and any keyword of the list', () => {
    expect(containsKeyword('Є доставка\n  додому?', ['доставка додому'])).toBe(true);
    expect(containsKeyword('доставка додомуі', ['доставка додому'])).toBe(false);
    expect(containsKeyword('What does it cost?', ['price', 'cost'])).toBe(true);
  });

  it('compares composed and decomposed letters alike', () => {
    const decomposed = 'Країна'.normalize('NFD');
    expect(decomposed).not.toBe('Країна');
    expect(containsKeyword(`Ваша ${decomposed}?`, ['країна'])).toBe(true);
  });

  it('needs no boundary next to a keyword edge that is not a letter', () => {
    expect(containsKeyword('I love c++!', ['c++'])).toBe(true);
    expect(containsKeyword('only $5', ['$5'])).toBe(true);
    expect(containsKeyword('only $50', ['$5'])).toBe(false);
  });

  it('handles letters outside the Basic Multilingual Plane and never matches an empty keyword', () => {
    expect(containsKeyword('𝒜bc', ['bc'])).toBe(false); // 𝒜 is a letter (a surrogate pair)
    expect(containsKeyword('😀bc', ['bc'])).toBe(true); // an emoji is not
    expect(containsKeyword('anything', ['', '   '])).toBe(false);
  });
});

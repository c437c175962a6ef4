import { describe, expect, it } from 'vitest';
import { languageLabel } from './language-label';

describe('languageLabel', () => {
  it('names languages in the panel’s language', () => {
    expect(languageLabel('uk', 'en', 'Any')).toBe('Ukrainian');
    expect(languageLabel('en', 'uk', 'Будь-яка')).toBe('англійська');
  });

  it('names the wildcard and keeps odd tags as typed', () => {
    expect(languageLabel('*', 'en', 'Any other language')).toBe('Any other language');
    expect(languageLabel('', 'en', 'Any')).toBe('');
    expect(languageLabel('not a tag!', 'en', 'Any')).toBe('not a tag!');
  });
});

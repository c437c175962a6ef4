import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './config.js';
import en from './i18n/en.js';
import uk from './i18n/uk.js';
import { loadStrings, type WidgetStrings } from './i18n.js';
import { OPEN_CHAT_LABEL } from './i18n-launcher.js';

const STRINGS = { en, uk };
const stringsFor = (language: keyof typeof STRINGS) => STRINGS[language];

/** Every string of a language, with the functions called on sample arguments. */
function flatten(strings: WidgetStrings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(strings).map(([key, value]) => [
      key,
      typeof value === 'function' ? (value as (...args: unknown[]) => string)(3, 'x@example.com') : value,
    ]),
  );
}

describe('widget strings', () => {
  it('every language has every string, none empty', () => {
    const english = flatten(stringsFor('en'));
    for (const language of LANGUAGES) {
      const strings = flatten(stringsFor(language));
      expect(Object.keys(strings).sort(), language).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(strings)) expect(text.trim(), `${language}.${key}`).not.toBe('');
    }
  });

  it('Ukrainian is translated, not a copy of English (names and the "Email" label aside)', () => {
    const english = flatten(stringsFor('en'));
    const ukrainian = flatten(stringsFor('uk'));
    const same = Object.keys(english).filter((key) => english[key] === ukrainian[key]);
    expect(same).toEqual(['emailLabel']);
  });

  it("the loader's launcher label is the chat bundle's", () => {
    for (const language of LANGUAGES) expect(OPEN_CHAT_LABEL[language]).toBe(stringsFor(language).openChat);
  });

  it('loadStrings gives each language its own chunk', async () => {
    expect(await loadStrings('uk')).toBe(uk);
    expect(await loadStrings('en')).toBe(en);
  });

  it('messages that carry a value show it', () => {
    const en = stringsFor('en');
    const uk = stringsFor('uk');
    expect(en.emailLeft('ann@example.com')).toContain('ann@example.com');
    expect(uk.emailLeft('ann@example.com')).toContain('ann@example.com');
    expect(en.transcriptSent('ann@example.com')).toContain('ann@example.com');
    expect(en.transcriptSent(null)).toBe('The conversation was sent to your email.');
    expect(uk.uploading(42)).toContain('42%');
    expect(uk.download('a.pdf', '3 KB')).toBe('Завантажити a.pdf (3 KB)');
  });
});

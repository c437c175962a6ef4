import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locales';

describe('localeFromAcceptLanguage', () => {
  it('picks the best supported language by quality', () => {
    expect(localeFromAcceptLanguage('uk-UA,uk;q=0.9,en;q=0.8')).toBe('uk');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.5,uk;q=0.7')).toBe('uk');
    expect(localeFromAcceptLanguage('fr, en;q=0.1')).toBe('en');
  });

  it('falls back to English', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
    expect(localeFromAcceptLanguage('de, fr')).toBe('en');
    expect(localeFromAcceptLanguage('')).toBe('en');
  });
});

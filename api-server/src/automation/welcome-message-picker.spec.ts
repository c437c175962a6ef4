import { describe, expect, it } from 'vitest';
import { pickWelcomeMessage } from './welcome-message-picker.js';

const messages = [
  { language: 'en', text: 'Hello' },
  { language: 'uk', text: 'Вітаємо' },
  { language: 'pt-BR', text: 'Olá (BR)' },
  { language: '*', text: 'Hi / Привіт' },
];
const pick = (locale: string | null, list = messages) => pickWelcomeMessage(list, locale)?.text ?? null;

describe('pickWelcomeMessage', () => {
  it('prefers the exact language, then its base language', () => {
    expect(pick('uk')).toBe('Вітаємо');
    expect(pick('uk-UA')).toBe('Вітаємо');
    expect(pick('en-GB')).toBe('Hello');
    expect(pick('pt-BR')).toBe('Olá (BR)');
  });

  it('reads browser forms of a locale: any case, underscores, a list', () => {
    expect(pick('UK_ua')).toBe('Вітаємо');
    expect(pick('en-US,en;q=0.9')).toBe('Hello');
  });

  it('takes a sibling variant before the catch-all', () => {
    expect(pick('pt-PT')).toBe('Olá (BR)');
  });

  it('falls back to "*", then to nothing', () => {
    expect(pick('de-DE')).toBe('Hi / Привіт');
    expect(pick(null)).toBe('Hi / Привіт');
    expect(pick('')).toBe('Hi / Привіт');
    expect(pick('de', messages.slice(0, 3))).toBeNull();
    expect(pick('en', [])).toBeNull();
  });

  it('an exact regional message wins over the base language', () => {
    const list = [
      { language: 'en', text: 'Hello' },
      { language: 'en-GB', text: 'Hello, mate' },
    ];
    expect(pick('en-GB', list)).toBe('Hello, mate');
    expect(pick('en-US', list)).toBe('Hello');
  });
});

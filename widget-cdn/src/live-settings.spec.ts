import { DEFAULT_WIDGET_SETTINGS } from '@chatiq/contracts';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TITLE, BUILT_IN_WELCOME, DEFAULT_COLOR, toLiveSettings } from './config.js';

describe('toLiveSettings (settings:update)', () => {
  it('keeps valid fields', () => {
    expect(
      toLiveSettings({ color: '#10B981', title: ' Help ', position: 'left', size: 'large', language: 'uk', welcomeMessage: 'Hi' }),
    ).toEqual({
      color: '#10B981',
      title: 'Help',
      position: 'left',
      size: 'large',
      language: 'uk',
      languageSet: true,
      welcomeMessage: 'Hi',
    });
  });

  it('drops invalid ones (nothing reaches the CSS that is not a colour)', () => {
    expect(toLiveSettings({ color: 'red; background: url(x)', position: 'top', size: 'huge', language: 'de' })).toEqual({});
    expect(toLiveSettings(null)).toEqual({});
  });

  it('an empty title means the translated default', () => {
    expect(toLiveSettings({ title: '  ' })).toEqual({ title: '' });
  });

  it("without ownerSet (an older server, the preview), the contract's built-in values mean the widget's own", () => {
    expect(BUILT_IN_TITLE).toBe(DEFAULT_WIDGET_SETTINGS.title);
    expect(BUILT_IN_WELCOME).toBe(DEFAULT_WIDGET_SETTINGS.welcomeMessage);
    expect(DEFAULT_COLOR).toBe(DEFAULT_WIDGET_SETTINGS.color);
    expect(toLiveSettings(DEFAULT_WIDGET_SETTINGS)).toEqual({
      color: DEFAULT_COLOR,
      title: '',
      welcomeMessage: '',
      position: 'right',
      size: 'standard',
      language: 'en',
      languageSet: false,
    });
    expect(toLiveSettings({ title: 'Lumen help', welcomeMessage: ' Hello there ' })).toEqual({
      title: 'Lumen help',
      welcomeMessage: 'Hello there',
    });
  });

  it("with ownerSet, what the owner did not set is the widget's own, what they set is shown as written", () => {
    // A site that never set anything: translated title and greeting, the browser's language.
    expect(toLiveSettings({ ...DEFAULT_WIDGET_SETTINGS, ownerSet: [] })).toMatchObject({
      title: '',
      welcomeMessage: '',
      languageSet: false,
    });
    // English chosen by the owner, and the built-in title written by the owner: both as they are.
    expect(toLiveSettings({ ...DEFAULT_WIDGET_SETTINGS, ownerSet: ['language', 'title'] })).toMatchObject({
      title: 'Chat with us',
      welcomeMessage: '',
      language: 'en',
      languageSet: true,
    });
    // An organization's Ukrainian is a choice; a welcome text the owner wrote is theirs.
    expect(
      toLiveSettings({ ...DEFAULT_WIDGET_SETTINGS, language: 'uk', welcomeMessage: 'Вітаємо!', ownerSet: ['language', 'welcomeMessage'] }),
    ).toMatchObject({ title: '', welcomeMessage: 'Вітаємо!', language: 'uk', languageSet: true });
    // A value the owner did not set is the built-in default, whatever it is.
    expect(toLiveSettings({ language: 'uk', ownerSet: [] })).toEqual({ language: 'uk', languageSet: false });
    expect(toLiveSettings({ language: 'en', ownerSet: 'nonsense' })).toEqual({ language: 'en', languageSet: false });
  });
});

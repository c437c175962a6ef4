import { describe, expect, it } from 'vitest';
import { toLiveSettings } from './config.js';

describe('toLiveSettings (settings:update)', () => {
  it('keeps valid fields', () => {
    expect(
      toLiveSettings({ color: '#10B981', title: ' Help ', position: 'left', size: 'large', language: 'uk', welcomeMessage: 'Hi' }),
    ).toEqual({ color: '#10B981', title: 'Help', position: 'left', size: 'large', language: 'uk', welcomeMessage: 'Hi' });
  });

  it('drops invalid ones (nothing reaches the CSS that is not a colour)', () => {
    expect(toLiveSettings({ color: 'red; background: url(x)', position: 'top', size: 'huge', language: 'de' })).toEqual({});
    expect(toLiveSettings(null)).toEqual({});
  });

  it('an empty title means the translated default', () => {
    expect(toLiveSettings({ title: '  ' })).toEqual({ title: '' });
  });
});

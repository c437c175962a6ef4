import { describe, expect, it } from 'vitest';
import { themeAttribute, themeFrom } from './theme';

describe('theme cookie', () => {
  it('reads a stored choice, and anything else as the system theme', () => {
    expect(themeFrom('dark')).toBe('dark');
    expect(themeFrom('light')).toBe('light');
    expect(themeFrom('system')).toBe('system');
    for (const other of [undefined, null, '', 'DARK', 'sepia']) expect(themeFrom(other)).toBe('system');
  });

  it('pins the root only for Light and Dark', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
  });
});

import { describe, expect, it } from 'vitest';
import { findTemplateByShortcut } from './template-picker.js';

describe('findTemplateByShortcut', () => {
  const templates = [
    { shortcut: '/pricing', text: 'Plans' },
    { shortcut: '/promo', text: 'Promo' },
    { shortcut: '/pr', text: 'Press' },
    { shortcut: '/price', text: 'Price' },
    { shortcut: '/hello', text: 'Hi' },
  ];
  const shortcuts = (input: string, list = templates) => findTemplateByShortcut(list, input).map((t) => t.shortcut);

  it('offers the templates starting with the input, the exact match first', () => {
    expect(shortcuts('/pr')).toEqual(['/pr', '/price', '/pricing', '/promo']);
    expect(shortcuts('/price')).toEqual(['/price']);
    expect(shortcuts('/pric')).toEqual(['/price', '/pricing']);
    expect(shortcuts('/pri')).toEqual(['/price', '/pricing']);
  });

  it('ignores case and surrounding spaces, and offers everything for a bare slash', () => {
    expect(shortcuts(' /PRO ')).toEqual(['/promo']);
    expect(shortcuts('/')).toEqual(['/hello', '/pr', '/price', '/pricing', '/promo']);
  });

  it('offers nothing without the slash or without a match', () => {
    expect(shortcuts('pr')).toEqual([]);
    expect(shortcuts('/zzz')).toEqual([]);
    expect(shortcuts('')).toEqual([]);
  });

  it('keeps the caller order for equal shortcuts (site templates before organization-wide ones)', () => {
    const scoped = [
      { shortcut: '/price', text: 'site' },
      { shortcut: '/price', text: 'organization' },
    ];
    expect(findTemplateByShortcut(scoped, '/price').map((t) => t.text)).toEqual(['site', 'organization']);
  });
});

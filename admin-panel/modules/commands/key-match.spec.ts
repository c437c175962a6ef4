import { describe, expect, it } from 'vitest';
import { findShortcut, isMac, isTypingTarget, type KeyPress, matchesShortcut, shortcutKeys, worksWhileTyping } from './key-match';

const press = (p: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...p,
});

describe('key matching', () => {
  it('matches letters by their place: J on an English and on a Ukrainian layout, not with a modifier or Shift', () => {
    const j = { code: 'KeyJ' };
    expect(matchesShortcut(press({ key: 'j', code: 'KeyJ' }), j)).toBe(true);
    expect(matchesShortcut(press({ key: 'о', code: 'KeyJ' }), j)).toBe(true); // Ukrainian layout: the J key types "о"
    expect(matchesShortcut(press({ key: 'j', code: 'KeyK' }), j)).toBe(false);
    expect(matchesShortcut(press({ key: 'J', code: 'KeyJ', shiftKey: true }), j)).toBe(false);
    expect(matchesShortcut(press({ key: 'j', code: 'KeyJ', ctrlKey: true }), j)).toBe(false);
    expect(matchesShortcut(press({ key: 'j', code: 'KeyJ', altKey: true }), j)).toBe(false);
    expect(matchesShortcut(press({ key: 'j', code: 'KeyJ', isComposing: true }), j)).toBe(false);
  });

  it('matches Ctrl+K and ⌘+K (either modifier), on any layout', () => {
    const palette = { code: 'KeyK', mod: true };
    expect(matchesShortcut(press({ key: 'k', code: 'KeyK', ctrlKey: true }), palette)).toBe(true);
    expect(matchesShortcut(press({ key: 'k', code: 'KeyK', metaKey: true }), palette)).toBe(true);
    expect(matchesShortcut(press({ key: 'л', code: 'KeyK', ctrlKey: true }), palette)).toBe(true);
    expect(matchesShortcut(press({ key: 'k', code: 'KeyK' }), palette)).toBe(false);
  });

  it('matches "?" and "/" by what they type, or by their US place where the layout types something else there', () => {
    const help = { key: '?' };
    expect(matchesShortcut(press({ key: '?', code: 'Slash', shiftKey: true }), help)).toBe(true); // US
    expect(matchesShortcut(press({ key: '?', code: 'Digit7', shiftKey: true }), help)).toBe(true); // Ukrainian: Shift+7
    expect(matchesShortcut(press({ key: ',', code: 'Slash', shiftKey: true }), help)).toBe(true); // Ukrainian: the US "?" key
    expect(matchesShortcut(press({ key: '/', code: 'Slash' }), help)).toBe(false);
    const search = { key: '/' };
    expect(matchesShortcut(press({ key: '/', code: 'Slash' }), search)).toBe(true);
    expect(matchesShortcut(press({ key: '.', code: 'Slash' }), search)).toBe(true); // Ukrainian: the US "/" key types "."
    expect(matchesShortcut(press({ key: '?', code: 'Slash', shiftKey: true }), search)).toBe(false);
    expect(matchesShortcut(press({ key: '/', code: 'Slash', ctrlKey: true }), search)).toBe(false);
  });

  it('matches named keys with their modifiers: Alt+↓ is not ↓', () => {
    const next = { key: 'ArrowDown', alt: true };
    expect(matchesShortcut(press({ key: 'ArrowDown', code: 'ArrowDown', altKey: true }), next)).toBe(true);
    expect(matchesShortcut(press({ key: 'ArrowDown', code: 'ArrowDown' }), next)).toBe(false);
    expect(matchesShortcut(press({ key: 'ArrowDown', code: 'ArrowDown', altKey: true, shiftKey: true }), next)).toBe(false);
  });

  it('keeps single keys out of text boxes: only Ctrl/⌘ combinations and Escape work while typing', () => {
    const items = [
      { id: 'next', shortcuts: [{ code: 'KeyJ' }, { key: 'ArrowDown', alt: true }] },
      { id: 'palette', shortcuts: [{ code: 'KeyK', mod: true }] },
      { id: 'close', shortcuts: [{ key: 'Escape' }] },
    ];
    expect(findShortcut(press({ key: 'j', code: 'KeyJ' }), false, items)?.id).toBe('next');
    expect(findShortcut(press({ key: 'ArrowDown', code: 'ArrowDown', altKey: true }), false, items)?.id).toBe('next');
    expect(findShortcut(press({ key: 'j', code: 'KeyJ' }), true, items)).toBeUndefined();
    expect(findShortcut(press({ key: 'ArrowDown', code: 'ArrowDown', altKey: true }), true, items)).toBeUndefined();
    expect(findShortcut(press({ key: 'k', code: 'KeyK', ctrlKey: true }), true, items)?.id).toBe('palette');
    expect(findShortcut(press({ key: 'Escape', code: 'Escape' }), true, items)?.id).toBe('close');
    expect(worksWhileTyping({ code: 'KeyR' })).toBe(false);
  });

  it('knows where a key press types text', () => {
    const element = (tag: string, attributes: Record<string, string> = {}, editable = false) =>
      ({
        tagName: tag.toUpperCase(),
        getAttribute: (name: string) => attributes[name] ?? null,
        isContentEditable: editable,
      }) as unknown as EventTarget;
    expect(isTypingTarget(element('textarea'))).toBe(true);
    expect(isTypingTarget(element('input'))).toBe(true);
    expect(isTypingTarget(element('input', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(element('select'))).toBe(true);
    expect(isTypingTarget(element('div', {}, true))).toBe(true);
    expect(isTypingTarget(element('input', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(element('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('shows the keys as on an English keyboard, with ⌘ and ⌥ on a Mac', () => {
    expect(shortcutKeys({ code: 'KeyK', mod: true }, false)).toEqual(['Ctrl', 'K']);
    expect(shortcutKeys({ code: 'KeyK', mod: true }, true)).toEqual(['⌘', 'K']);
    expect(shortcutKeys({ key: 'ArrowDown', alt: true }, false)).toEqual(['Alt', '↓']);
    expect(shortcutKeys({ key: 'ArrowUp', alt: true }, true)).toEqual(['⌥', '↑']);
    expect(shortcutKeys({ key: '?' }, false)).toEqual(['?']);
    expect(shortcutKeys({ code: 'KeyJ' }, false)).toEqual(['J']);
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Linux x86_64')).toBe(false);
  });
});

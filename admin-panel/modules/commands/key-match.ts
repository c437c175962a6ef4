/**
 * Keyboard shortcuts as data, and the rules that match them to key presses on any keyboard layout.
 * Letters are matched by the key's place (`event.code`, `KeyJ`), not by what it types, so J/K/R…
 * work the same on an English and a Ukrainian (Cyrillic) layout; symbols (`?`, `/`) by what they
 * type, or by their place on a US keyboard for layouts where that place types something else.
 */
export type Shortcut = {
  /** A physical key (`KeyJ`, `KeyK`): letters, the same on every layout. */
  code?: string;
  /** What the key types or is called (`?`, `/`, `ArrowDown`, `Escape`). */
  key?: string;
  /** Ctrl, or ⌘ on a Mac (either counts). */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
};

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'> & { isComposing?: boolean };

/** Symbols typed with Shift on a US keyboard, by the key that types them there (for layouts that type something else at that place). */
const US_PLACE: Record<string, { code: string; shift: boolean }> = {
  '?': { code: 'Slash', shift: true },
  '/': { code: 'Slash', shift: false },
};

/** Whether a key press is this shortcut. */
export function matchesShortcut(press: KeyPress, shortcut: Shortcut): boolean {
  if (press.isComposing) return false;
  if ((press.ctrlKey || press.metaKey) !== (shortcut.mod ?? false)) return false;
  if (press.altKey !== (shortcut.alt ?? false)) return false;
  if (shortcut.code) return press.code === shortcut.code && press.shiftKey === (shortcut.shift ?? false);
  if (!shortcut.key) return false;
  const place = US_PLACE[shortcut.key];
  // A symbol carries its own Shift ("?" is Shift+/ on a US keyboard, Shift+7 on a Ukrainian one).
  if (place) return press.key === shortcut.key || (press.code === place.code && press.shiftKey === place.shift);
  return press.key === shortcut.key && press.shiftKey === (shortcut.shift ?? false);
}

/** Where a key press types text (a text box, a select, an editable element): single-key shortcuts stay out of it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
  }
  return element.isContentEditable === true;
}

/** Whether a shortcut may run while the focus is in a text box: Ctrl/⌘ combinations and Escape only. */
export function worksWhileTyping(shortcut: Shortcut): boolean {
  return shortcut.mod === true || shortcut.key === 'Escape';
}

/** The first of `items` whose shortcuts include this key press, where it was pressed. */
export function findShortcut<T extends { shortcuts?: readonly Shortcut[] }>(
  press: KeyPress,
  typing: boolean,
  items: readonly T[],
): T | undefined {
  return items.find((item) => item.shortcuts?.some((s) => matchesShortcut(press, s) && (!typing || worksWhileTyping(s))));
}

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Enter: 'Enter' };

/** The keys to show for a shortcut ("Ctrl" "K", "⌘" "K", "Alt" "↓", "J"), as on an English keyboard. */
export function shortcutKeys(shortcut: Shortcut, mac: boolean): string[] {
  const keys: string[] = [];
  if (shortcut.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (shortcut.alt) keys.push(mac ? '⌥' : 'Alt');
  if (shortcut.shift) keys.push('Shift');
  if (shortcut.code) keys.push(shortcut.code.replace(/^Key|^Digit/, ''));
  else if (shortcut.key) keys.push(KEY_NAMES[shortcut.key] ?? shortcut.key);
  return keys;
}

/** A Mac's keyboard (⌘ rather than Ctrl), from the browser's platform. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

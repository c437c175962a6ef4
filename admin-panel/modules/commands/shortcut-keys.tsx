'use client';

import type { Shortcut } from './key-match';
import { shortcutKeys } from './key-match';

/** A shortcut as keys to press ("Ctrl" + "K"); several shortcuts of one command separated by "/". */
export function ShortcutKeys({ shortcuts, mac }: { shortcuts: readonly Shortcut[]; mac: boolean }) {
  return (
    <span className="shortcut-keys" translate="no">
      {shortcuts.map((shortcut, i) => (
        <span key={shortcutKeys(shortcut, mac).join('+')} className="shortcut">
          {i > 0 && <span className="shortcut-or">/</span>}
          {shortcutKeys(shortcut, mac).map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

import type { WidgetApi } from './chat-module.js';

/** How long after the window's load event a page may still set `window.chtq` before a warning. */
const GRACE_AFTER_LOAD_MS = 3_000;

/**
 * `window.chtq`, the recommended embed configuration, may be set before widget.js runs or
 * after it (the script is async, the snippet order varies, tag managers run late). When it is
 * not there yet, the widget waits for the assignment (an accessor on `window` that stores the
 * page's value and hands it back unchanged); still without one a few seconds after the window's
 * load event, it warns once (a later assignment still starts the widget).
 */
export function whenGlobalConfigSet(onSet: (config: unknown) => void, onStillMissing: () => void): void {
  let settled = false;
  let value: unknown;
  const settle = () => {
    if (settled) return;
    settled = true;
    // Let the rest of the page's script run first: it may fill the object in after assigning it.
    setTimeout(() => onSet(window.chtq), 0);
  };

  try {
    Object.defineProperty(window, 'chtq', {
      configurable: true,
      get: () => value,
      set(config: unknown) {
        value = config;
        settle();
      },
    });
  } catch {
    // The page made `chtq` non-configurable: the load check below still picks it up.
  }

  const checkAtLoad = () =>
    setTimeout(() => {
      if (settled) return;
      if (window.chtq !== undefined) settle();
      else onStillMissing();
    }, GRACE_AFTER_LOAD_MS);
  if (document.readyState === 'complete') checkAtLoad();
  else window.addEventListener('load', checkAtLoad);
}

/**
 * Adds open/close/toggle to the page's `window.chtq` object (or creates it for legacy embeds).
 * A frozen object stays as it is (Object.assign throws on it; on a primitive it changes nothing).
 */
export function exposeApi(api: WidgetApi): void {
  const current = window.chtq;
  if (current === undefined) window.chtq = { ...api };
  else
    try {
      Object.assign(current as object, api); // throws on null too: nothing to add to
    } catch {}
}

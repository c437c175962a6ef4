/** How long after the window's load event a page may still set `window.chtq` before a warning. */
const GRACE_AFTER_LOAD_MS = 3_000;

/**
 * `window.chtq`, the recommended embed configuration, may be set before widget.js runs or
 * after it (the script is async, the snippet order varies, tag managers run late). When it is
 * not there yet, the widget waits for the assignment (an accessor on `window` that stores the
 * page's value and hands it back unchanged) and calls `onSet` for it (and for any later one:
 * the caller starts once); a few seconds after the window's load event it calls `onSet` once more
 * (the caller starts then, or warns that there is no site id; a later assignment still starts the
 * widget).
 */
export function whenGlobalConfigSet(onSet: () => void): void {
  let value: unknown;
  try {
    Object.defineProperty(window, 'chtq', {
      configurable: true,
      get: () => value,
      set(config: unknown) {
        value = config;
        setTimeout(onSet); // the rest of the page's script runs first: it may fill the object in after assigning it
      },
    });
  } catch {
    // The page made `chtq` non-configurable (`var chtq`): the check after the load event picks it up.
  }
  const checkAtLoad = () => setTimeout(onSet, GRACE_AFTER_LOAD_MS);
  if (document.readyState === 'complete') checkAtLoad();
  else addEventListener('load', checkAtLoad);
}

/**
 * Adds the SDK (open, close, toggle, setUser, setLocale, on, off, q) to the page's `window.chtq`
 * object (or creates it for legacy embeds). A frozen object stays as it is (Object.assign throws
 * on it; on a primitive it changes nothing).
 */
export function exposeApi(api: object): void {
  window.chtq ??= {};
  try {
    Object.assign(window.chtq as object, api); // throws on null or a frozen object: nothing to add to
  } catch {}
}

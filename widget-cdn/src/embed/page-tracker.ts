export interface PageInfo {
  url: string;
  title: string;
}

/** The parts of `window` the tracker uses (a fake one in tests). */
export interface TrackedWindow {
  history: Pick<History, 'pushState' | 'replaceState'>;
  location: { href: string };
  document: { title: string };
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

/** Single-page apps often set the title just after changing the URL: wait this long before reporting. */
export const PAGE_SETTLE_MS = 300;

/**
 * Calls `onChange` when the page's URL changes: on popstate / hashchange and after the page
 * calls `history.pushState` / `replaceState`. Those two are wrapped once, in place: the wrapper
 * calls the page's own function (whatever it was when the widget started) with the same `this`
 * and arguments and returns its result, so the page's router keeps working. The same URL is
 * never reported twice in a row.
 */
export function trackPageChanges(win: TrackedWindow, onChange: (page: PageInfo) => void): void {
  let lastUrl = win.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = win.location.href;
      if (url === lastUrl) return;
      lastUrl = url;
      onChange({ url, title: win.document.title });
    }, PAGE_SETTLE_MS);
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = win.history[name];
    if (typeof original !== 'function') continue;
    win.history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      changed();
      return result;
    };
  }
  win.addEventListener('popstate', changed);
  win.addEventListener('hashchange', changed);
}

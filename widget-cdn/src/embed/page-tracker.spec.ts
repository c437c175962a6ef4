import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SETTLE_MS, type PageInfo, type TrackedWindow, trackPageChanges } from './page-tracker.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function fakeWindow() {
  const listeners: Record<string, (() => void)[]> = {};
  const calls: { self: unknown; args: unknown[] }[] = [];
  const win = {
    location: { href: 'https://shop.example/' },
    document: { title: 'Home' },
    history: {
      pushState(this: unknown, ...args: unknown[]) {
        calls.push({ self: this, args });
        win.location.href = new URL(String(args[2]), win.location.href).href;
        return 'page result';
      },
      replaceState(this: unknown, ...args: unknown[]) {
        calls.push({ self: this, args });
        win.location.href = new URL(String(args[2]), win.location.href).href;
      },
    },
    addEventListener(type: string, listener: () => void) {
      listeners[type] = [...(listeners[type] ?? []), listener];
    },
  };
  const fire = (type: string) => {
    for (const listener of listeners[type] ?? []) listener();
  };
  return { win, calls, fire };
}

describe('trackPageChanges', () => {
  it("reports pushState with the title set after it, calling the page's own function", () => {
    const { win, calls } = fakeWindow();
    const pages: PageInfo[] = [];
    trackPageChanges(win as unknown as TrackedWindow, (page) => pages.push(page));
    const result = (win.history.pushState as (...args: unknown[]) => unknown).call(win.history, { a: 1 }, '', '/checkout');
    win.document.title = 'Checkout';
    expect(result).toBe('page result');
    expect(calls).toEqual([{ self: win.history, args: [{ a: 1 }, '', '/checkout'] }]);
    expect(pages).toEqual([]);
    vi.advanceTimersByTime(PAGE_SETTLE_MS);
    expect(pages).toEqual([{ url: 'https://shop.example/checkout', title: 'Checkout' }]);
  });

  it('reports popstate and replaceState, but the same URL only once', () => {
    const { win, fire } = fakeWindow();
    const pages: PageInfo[] = [];
    trackPageChanges(win as unknown as TrackedWindow, (page) => pages.push(page));
    win.history.replaceState({}, '', '/'); // same URL
    vi.advanceTimersByTime(PAGE_SETTLE_MS);
    expect(pages).toEqual([]);
    win.location.href = 'https://shop.example/back';
    fire('popstate');
    fire('hashchange');
    vi.advanceTimersByTime(PAGE_SETTLE_MS);
    expect(pages.map((p) => p.url)).toEqual(['https://shop.example/back']);
    win.history.replaceState({}, '', '/next');
    vi.advanceTimersByTime(PAGE_SETTLE_MS);
    expect(pages.map((p) => p.url)).toEqual(['https://shop.example/back', 'https://shop.example/next']);
  });
});

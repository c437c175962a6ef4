/** The panel's colour themes: the system's (prefers-color-scheme), or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The cookie the theme switcher sets; the root layout reads it, so the server renders the chosen theme (no flash). */
export const THEME_COOKIE = 'chatiq_theme';

/** The theme a cookie's value names; anything else (no cookie, a stale value) follows the system. */
export function themeFrom(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/**
 * The root element's `data-theme` for a theme: none for the system's (globals.css then follows
 * prefers-color-scheme), else "light" or "dark", which pins the root's color-scheme.
 */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

/**
 * The launcher's look, worked out by the API for widget.js (`GET /widget/sites/:publicId/settings`
 * with the embed's look in the query) so the loader draws the bubble in its final place, colour,
 * size and language from the first paint without carrying these rules itself. The chat bundle
 * applies the same rules to the embed and the saved settings (widget-cdn `config.ts`); a test
 * there checks both agree. Zod-free: the widget imports it from `@chatiq/contracts/protocol`.
 */

export type LauncherLanguage = 'uk' | 'en';
export type LauncherPosition = 'right' | 'left';
export type LauncherSize = 'compact' | 'standard' | 'large';

export interface LauncherLook {
  language: LauncherLanguage;
  /** The accent colour (#rgb, #rgba, #rrggbb or #rrggbbaa). */
  color: string;
  /** The readable colour of the icon on it. */
  onColor: '#111827' | '#fff';
  position: LauncherPosition;
  size: LauncherSize;
}

/** What the embed set (`window.chtq` over the script's data attributes), unchecked. */
export interface EmbedLook {
  language?: unknown;
  color?: unknown;
  position?: unknown;
  size?: unknown;
}

/** The saved settings the look falls back on (PublicWidgetSettings' fields). */
export interface SavedLook {
  color: string;
  position: string;
  size: string;
  language: string;
  /** The fields the owner set: the language counts only when chosen (else the visitor's browser decides). */
  ownerSet?: readonly string[];
}

const HEX_COLOR = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;

/** `uk`, `uk-UA`, `UK` → uk; `en-GB` → en; anything else → null. `ua` is a common slip for uk. */
export function toLanguage(value: unknown): LauncherLanguage | null {
  const match = /^\s*(?:(en)|uk|ua)(?:[-_]|\s*$)/i.exec(String(value));
  return match ? (match[1] ? 'en' : 'uk') : null;
}

export function toHexColor(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value.trim()) ? value.trim() : null;
}

/** The value, trimmed and lower-cased, when it is one of `allowed`. */
export function oneOf<T extends string>(allowed: readonly T[]): (value: unknown) => T | null {
  return (value) => {
    const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value;
    return allowed.find((option) => option === normalized) ?? null;
  };
}

/**
 * The text colour that stays readable on the accent colour: dark text on light accents, white on
 * dark ones, by perceived brightness (YIQ, as the W3C's colour-visibility check). Accepts #rgb,
 * #rgba, #rrggbb and #rrggbbaa.
 */
export function readableTextColor(hexColor: string): '#111827' | '#fff' {
  let hex = hexColor.slice(1);
  if (hex.length < 6) hex = hex.replace(/./g, '$&$&');
  const rgb = parseInt(hex.slice(0, 6), 16);
  return (rgb >> 16) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114 >= 128_000 ? '#111827' : '#fff';
}

const POSITIONS: readonly LauncherPosition[] = ['right', 'left'];
const SIZES: readonly LauncherSize[] = ['compact', 'standard', 'large'];

/**
 * A field the embed sets validly wins, else the saved one; the language is the embed's, else the
 * one the owner chose, else the visitor's browser's (`locale`: `navigator.language`), else English.
 */
export function launcherLook(embed: EmbedLook, locale: unknown, saved: SavedLook): LauncherLook {
  const color = toHexColor(embed.color) ?? toHexColor(saved.color) ?? '#2563eb';
  return {
    language:
      toLanguage(embed.language) ??
      (saved.ownerSet?.includes('language') ? toLanguage(saved.language) : null) ??
      toLanguage(locale) ??
      'en',
    color,
    onColor: readableTextColor(color),
    position: oneOf(POSITIONS)(embed.position) ?? oneOf(POSITIONS)(saved.position) ?? 'right',
    size: oneOf(SIZES)(embed.size) ?? oneOf(SIZES)(saved.size) ?? 'standard',
  };
}

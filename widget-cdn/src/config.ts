/**
 * The embed configuration: what a site owner writes on their page, turned into the widget's
 * settings. Three embed forms are supported:
 *
 *   1. recommended: `window.chtq = { siteId, language, color, position, size, apiUrl? }`
 *   2. legacy:      `<script src=".../widget.js" data-site-id="…">`
 *   3. legacy:      `<script src=".../widget.js" data-project-id="…" data-title="…" data-position="right">`
 *
 * `window.chtq` wins over the script's data attributes, field by field.
 */

export const LANGUAGES = ['uk', 'en'] as const;
export const POSITIONS = ['right', 'left'] as const;
export const SIZES = ['compact', 'standard', 'large'] as const;

export type WidgetLanguage = (typeof LANGUAGES)[number];
export type WidgetPosition = (typeof POSITIONS)[number];
export type WidgetSize = (typeof SIZES)[number];

export const DEFAULT_COLOR = '#6366F1';
export const DEFAULT_POSITION: WidgetPosition = 'right';
export const DEFAULT_SIZE: WidgetSize = 'standard';

/** The contract's id limit (`idSchema`: 1–64 characters). */
const MAX_SITE_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 80;
const HEX_COLOR = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;

export interface WidgetConfig {
  siteId: string;
  language: WidgetLanguage;
  color: string;
  position: WidgetPosition;
  size: WidgetSize;
  /** The API's base URL, without a trailing slash. */
  apiUrl: string;
  /** A custom panel title (`title` / `data-title`); null means the translated default. */
  title: string | null;
}

export type ConfigResult = { ok: true; config: WidgetConfig; warnings: string[] } | { ok: false; warning: string };

/** A script element's `dataset`, or any plain record with the same keys. */
export type ScriptDataset = Readonly<Record<string, string | undefined>>;

/** The one warning without a usable site id (missing, or not text of 1–64 characters). */
export const MISSING_SITE_ID_WARNING =
  '[ChatIQ] No valid site id (window.chtq.siteId or data-site-id, 1-64 characters): the chat widget is not shown.';

/**
 * The look the loader draws the launcher with. Position and size are only lower-cased and
 * stripped to word characters: they become class names, and one the stylesheet does not know (an
 * unsupported value) leaves the default, as `resolveConfig` does.
 */
export interface LauncherLook {
  language: WidgetLanguage;
  color: string;
  position: string;
  size: string;
}

/**
 * The site id from `window.chtq` (`siteId`, else `organizationId`) or the script tag
 * (`data-site-id`, else `data-project-id`), or the one warning the console gets without a usable one.
 */
export function resolveSiteId(
  globalConfig: unknown,
  scriptDataset: ScriptDataset | undefined,
): { ok: true; siteId: string } | { ok: false; warning: string } {
  const global = asRecord(globalConfig);
  const data = scriptDataset ?? {};
  const siteId = toSiteId(firstDefined(global.siteId, global.organizationId, data.siteId, data.projectId));
  if (siteId !== null) return { ok: true, siteId };
  return { ok: false, warning: MISSING_SITE_ID_WARNING }; // one short message for both cases: it ships in widget.js
}

/**
 * What the launcher needs, silently and small (it is part of widget.js); the chat bundle's
 * `resolveConfig` warns about what it drops and comes to the same look (config.spec checks it).
 */
export function resolveLook(
  globalConfig: unknown,
  scriptDataset: ScriptDataset | undefined,
  navigatorLanguage: string | undefined,
): LauncherLook {
  const global = asRecord(globalConfig);
  const data = scriptDataset ?? {};
  const get = (name: string) => firstDefined(global[name], data[name]);
  const word = (name: string) =>
    String(get(name) ?? '')
      .toLowerCase()
      .replace(/\W/g, '');
  return {
    language: toLanguage(get('language')) ?? toLanguage(navigatorLanguage) ?? 'en',
    color: toHexColor(get('color')) ?? DEFAULT_COLOR,
    position: word('position'),
    size: word('size'),
  };
}

/**
 * Turns the page's embed configuration into the widget's settings. Pure: the caller passes
 * `window.chtq`, the script tag's dataset, `navigator.language` and the build-time API URL.
 * Without a usable site id the result is `{ ok: false }` and the widget must not render.
 */
export function resolveConfig(
  globalConfig: unknown,
  scriptDataset: ScriptDataset | undefined,
  navigatorLanguage: string | undefined,
  defaultApiUrl: string,
): ConfigResult {
  const global = asRecord(globalConfig);
  const data = scriptDataset ?? {};
  const warnings: string[] = [];

  const site = resolveSiteId(globalConfig, scriptDataset);
  if (!site.ok) return site;
  const { siteId } = site;

  const pick = <T>(name: string, raw: unknown, parse: (value: unknown) => T | null, fallback: T): T => {
    if (raw === undefined || raw === null || raw === '') return fallback;
    const parsed = parse(raw);
    if (parsed !== null) return parsed;
    warnings.push(`${name} ${describe(raw)} is not supported, using ${describe(fallback)}`);
    return fallback;
  };

  const language = pick('language', firstDefined(global.language, data.language), toLanguage, toLanguage(navigatorLanguage) ?? 'en');
  const color = pick('color', firstDefined(global.color, data.color), toHexColor, DEFAULT_COLOR);
  const position = pick('position', firstDefined(global.position, data.position), oneOf(POSITIONS), DEFAULT_POSITION);
  const size = pick('size', firstDefined(global.size, data.size), oneOf(SIZES), DEFAULT_SIZE);
  const title = pick('title', firstDefined(global.title, data.title), toTitle, null);

  let apiUrl = normalizeApiUrl(defaultApiUrl) ?? defaultApiUrl;
  for (const [name, raw] of [
    ['data-api-url', data.apiUrl],
    ['apiUrl', global.apiUrl],
  ] as const) {
    if (raw === undefined || raw === '') continue;
    const url = normalizeApiUrl(raw);
    if (url === null) warnings.push(`${name} ${describe(raw)} is not an http(s) URL, ignoring it`);
    else apiUrl = url;
  }

  return { ok: true, config: { siteId, language, color, position, size, apiUrl, title }, warnings };
}

/** What a `settings:update` from the server changes, each field checked like the embed's; invalid ones are dropped. */
export interface LiveSettings {
  color?: string;
  title?: string;
  position?: WidgetPosition;
  size?: WidgetSize;
  language?: WidgetLanguage;
  welcomeMessage?: string;
}

export function toLiveSettings(payload: unknown): LiveSettings {
  if (!isRecord(payload)) return {};
  const settings: LiveSettings = {};
  const color = toHexColor(payload.color);
  if (color) settings.color = color;
  if (typeof payload.title === 'string') settings.title = toTitle(payload.title) ?? '';
  const position = oneOf(POSITIONS)(payload.position);
  if (position) settings.position = position;
  const size = oneOf(SIZES)(payload.size);
  if (size) settings.size = size;
  const language = oneOf(LANGUAGES)(payload.language);
  if (language) settings.language = language;
  if (typeof payload.welcomeMessage === 'string' && payload.welcomeMessage.trim()) settings.welcomeMessage = payload.welcomeMessage.trim();
  return settings;
}

/** `uk`, `uk-UA`, `UK` → uk; `en-GB` → en; anything else → null. `ua` is a common slip for uk. */
export function toLanguage(value: unknown): WidgetLanguage | null {
  const primary = /^\s*(uk|ua|en)([-_]|\s*$)/i.exec(String(value))?.[1]?.toLowerCase();
  return primary === 'en' ? 'en' : primary ? 'uk' : null;
}

function toSiteId(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed && trimmed.length <= MAX_SITE_ID_LENGTH ? trimmed : null;
}

function toHexColor(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value.trim()) ? value.trim() : null;
}

function toTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_TITLE_LENGTH) : null;
}

function oneOf<T extends string>(allowed: readonly T[]): (value: unknown) => T | null {
  return (value) => {
    const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value;
    return allowed.find((option) => option === normalized) ?? null;
  };
}

function normalizeApiUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

function firstDefined(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined && value !== null && value !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

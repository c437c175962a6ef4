import { oneOf, toHexColor, toLanguage } from '@chatiq/contracts/protocol';

export { toLanguage };
/**
 * The embed configuration: what a site owner writes on their page, turned into the widget's
 * settings. Three embed forms are supported:
 *
 *   1. recommended: `window.chtq = { siteId | organizationId, language, color, position, size, title?, apiUrl? }`
 *   2. legacy:      `<script src=".../widget.js" data-site-id="…">`
 *   3. legacy:      `<script src=".../widget.js" data-project-id="…" data-title="…" data-position="right">`
 *
 * `window.chtq` wins over the script's data attributes, field by field. A look field the embed
 * sets wins over the site's widget settings (which the admin panel edits); a field it leaves out
 * follows them (see `embedded`). `window.chtq = { preview: true }` is the admin panel's preview.
 */

export const LANGUAGES = ['uk', 'en'] as const;
export const POSITIONS = ['right', 'left'] as const;
export const SIZES = ['compact', 'standard', 'large'] as const;

export type WidgetLanguage = (typeof LANGUAGES)[number];
export type WidgetPosition = (typeof POSITIONS)[number];
export type WidgetSize = (typeof SIZES)[number];

/** The contract's built-in default (DEFAULT_WIDGET_SETTINGS.color): what a site shows until its owner picks one. */
export const DEFAULT_COLOR = '#2563eb';
export const DEFAULT_POSITION: WidgetPosition = 'right';
export const DEFAULT_SIZE: WidgetSize = 'standard';

/** The contract's id limit (`idSchema`: 1–64 characters). */
const MAX_SITE_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 80;

/** The parts of the look the embed, the site's settings (`settings:update`) and the preview can set. */
export type LookField = 'language' | 'color' | 'position' | 'size' | 'title';

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
  /** The fields the embed set itself (valid values only): they win over the site's settings. */
  embedded: LookField[];
  /** The admin panel's live preview (`chtq.preview`): a sample conversation, no connection. */
  preview: boolean;
}

export type ConfigResult = { ok: true; config: WidgetConfig; warnings: string[] } | { ok: false; warning: string };

/** A script element's `dataset`, or any plain record with the same keys. */
export type ScriptDataset = Readonly<Record<string, string | undefined>>;

/** The one warning without a usable site id (missing, or not text of 1–64 characters): it ships in widget.js, so it is short. */
export const MISSING_SITE_ID_WARNING = '[ChatIQ] No site id (chtq.siteId, data-site-id).';

/**
 * The site id from `window.chtq` (`siteId`, else `organizationId`) or the script tag
 * (`data-site-id`, else `data-project-id`); null without a usable one (then the console gets
 * MISSING_SITE_ID_WARNING, once).
 */
export function siteIdOf(globalConfig: unknown, scriptDataset: ScriptDataset | undefined): string | null {
  const global = asRecord(globalConfig);
  const data = scriptDataset ?? {};
  return toSiteId(firstDefined(global.siteId, global.organizationId, data.siteId, data.projectId));
}

/**
 * The API's base URL for the loader, small: window.chtq's, else data-api-url, else the build's. A
 * valid one is what `resolveConfig` finds; an invalid one fails the loader's request (the launcher
 * then keeps the embed's look) and `resolveConfig` warns about it.
 */
export function apiUrlOf(globalConfig: unknown, scriptDataset: ScriptDataset | undefined, defaultApiUrl: string): string {
  return String(firstDefined(asRecord(globalConfig).apiUrl, scriptDataset?.apiUrl) ?? defaultApiUrl).replace(/\/+$/, '');
}

/**
 * The configuration with the site's saved look applied where the embed set nothing (the saved
 * settings widget.js read before drawing the launcher): the chat bundle starts in the launcher's
 * place, colour, size and language, so nothing moves when it takes over.
 */
export function withSavedLook(config: WidgetConfig, saved: unknown): WidgetConfig {
  const live = toLiveSettings(saved);
  const next = { ...config };
  const free = (field: LookField) => !config.embedded.includes(field);
  if (live.color && free('color')) next.color = live.color;
  if (live.position && free('position')) next.position = live.position;
  if (live.size && free('size')) next.size = live.size;
  if (live.title !== undefined && free('title')) next.title = live.title || null;
  if (live.languageSet && live.language && free('language')) next.language = live.language;
  return next;
}

/**
 * Turns the page's embed configuration into the widget's settings. Pure: the caller passes
 * `window.chtq`, the script tag's dataset, `navigator.language` and the build-time API URL.
 * Without a usable site id the result is `{ ok: false }` and the widget must not render (the
 * preview needs none).
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
  const preview = global.preview === true;
  const siteId = siteIdOf(globalConfig, scriptDataset) ?? (preview ? 'preview' : null);
  if (siteId === null) return { ok: false, warning: MISSING_SITE_ID_WARNING };
  const embedded: LookField[] = [];

  const pick = <T>(name: LookField, parse: (value: unknown) => T | null, fallback: T): T => {
    const raw = firstDefined(global[name], data[name]);
    if (raw === undefined) return fallback;
    const parsed = parse(raw);
    if (parsed !== null) {
      embedded.push(name);
      return parsed;
    }
    warnings.push(`${name} ${describe(raw)} is not supported, using ${describe(fallback)}`);
    return fallback;
  };
  const language = pick('language', toLanguage, toLanguage(navigatorLanguage) ?? 'en');
  const color = pick('color', toHexColor, DEFAULT_COLOR);
  const position = pick('position', oneOf(POSITIONS), DEFAULT_POSITION);
  const size = pick('size', oneOf(SIZES), DEFAULT_SIZE);
  const title = pick('title', toTitle, null);

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
  return { ok: true, config: { siteId, language, color, position, size, apiUrl, title, embedded, preview }, warnings };
}

/**
 * The contract's built-in title and welcome text (DEFAULT_WIDGET_SETTINGS, English): where the
 * site's settings hold them without the owner having set them, the widget shows its own, translated,
 * title and greeting (live-settings.spec checks they match the contract).
 */
export const BUILT_IN_TITLE = 'Chat with us';
export const BUILT_IN_WELCOME = 'Hi! How can we help you?';

/**
 * What a `settings:update` from the server (or the site's settings at the first open, or the
 * preview's message) changes, each field checked like the embed's; invalid ones are dropped. An
 * empty title or welcome message means the widget's translated default.
 */
export interface LiveSettings {
  color?: string;
  title?: string;
  position?: WidgetPosition;
  size?: WidgetSize;
  language?: WidgetLanguage;
  /** The owner chose `language`; else it is the built-in default and the visitor's browser decides. */
  languageSet?: boolean;
  welcomeMessage?: string;
}

/**
 * The server says which fields the owner set (`ownerSet`): the title, the welcome text and the
 * language they did not set are the built-in defaults, which the widget replaces with its own
 * (an owner-set title is shown as written, even when it is the built-in text; English chosen by
 * the owner is English, even in a Ukrainian browser). Without `ownerSet` (an older server, the
 * admin panel's preview) the built-in values count as not set.
 */
export function toLiveSettings(payload: unknown): LiveSettings {
  if (!isRecord(payload)) return {};
  const ownerSet = Array.isArray(payload.ownerSet) ? payload.ownerSet : null;
  const chosen = (field: string, builtIn: boolean) => (ownerSet ? ownerSet.includes(field) : !builtIn);
  const settings: LiveSettings = {};
  const color = toHexColor(payload.color);
  if (color) settings.color = color;
  if (typeof payload.title === 'string') {
    const title = toTitle(payload.title) ?? '';
    settings.title = chosen('title', title === BUILT_IN_TITLE) ? title : '';
  }
  const position = oneOf(POSITIONS)(payload.position);
  if (position) settings.position = position;
  const size = oneOf(SIZES)(payload.size);
  if (size) settings.size = size;
  const language = oneOf(LANGUAGES)(payload.language);
  if (language) {
    settings.language = language;
    settings.languageSet = chosen('language', language === 'en');
  }
  if (typeof payload.welcomeMessage === 'string') {
    const welcome = payload.welcomeMessage.trim();
    settings.welcomeMessage = chosen('welcomeMessage', welcome === BUILT_IN_WELCOME) ? welcome : '';
  }
  return settings;
}

function toSiteId(value: unknown): string | null {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  return text && text.length <= MAX_SITE_ID_LENGTH ? text : null;
}

function toTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_TITLE_LENGTH) : null;
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

export function firstDefined(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined && value !== null && value !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return ((typeof value === 'object' && value) || {}) as Record<string, unknown>;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

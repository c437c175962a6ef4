import { z } from 'zod';

export const WIDGET_POSITIONS = ['right', 'left'] as const;
export const WIDGET_SIZES = ['compact', 'standard', 'large'] as const;
export const WIDGET_LANGUAGES = ['uk', 'en'] as const;

export const widgetColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour such as #2563eb')
  .transform((value) => value.toLowerCase());

/** A widget's complete look: what a widget shows (built-in defaults ← organization ← site). */
export const effectiveWidgetSettingsSchema = z.object({
  color: z.string(),
  title: z.string(),
  welcomeMessage: z.string(),
  position: z.enum(WIDGET_POSITIONS),
  size: z.enum(WIDGET_SIZES),
  language: z.enum(WIDGET_LANGUAGES),
});
export type EffectiveWidgetSettings = z.infer<typeof effectiveWidgetSettingsSchema>;

/** The fields of the widget's look (the keys of EffectiveWidgetSettings). */
export const WIDGET_SETTINGS_FIELDS = ['color', 'title', 'welcomeMessage', 'position', 'size', 'language'] as const;
export type WidgetSettingsField = (typeof WIDGET_SETTINGS_FIELDS)[number];

/**
 * What the widget reads (GET /widget/sites/:publicId/settings) and is pushed (`settings:update`):
 * the effective settings, and `ownerSet`, the fields the organization or the site set. The others
 * are DEFAULT_WIDGET_SETTINGS', which the widget replaces with its own: the title and greeting
 * translated into its language, and the visitor's browser language (`language: 'en'` with
 * 'language' in `ownerSet` is an explicit choice of English). A widget reading an older server, without
 * `ownerSet`, takes the built-in values for not set.
 */
export const publicWidgetSettingsSchema = effectiveWidgetSettingsSchema.extend({
  ownerSet: z.array(z.enum(WIDGET_SETTINGS_FIELDS)),
});
export type PublicWidgetSettings = z.infer<typeof publicWidgetSettingsSchema>;

/**
 * The query of GET /widget/sites/:publicId/settings from widget.js: the look the embed set (as the
 * page wrote it: an unsupported value is ignored, not refused) and the browser's language, for
 * `launcher` in the answer. Every field is optional (the chat bundle sends none).
 */
const embedValue = z.string().max(200).optional();
export const widgetSettingsQuerySchema = z.object({
  language: embedValue,
  color: embedValue,
  position: embedValue,
  size: embedValue,
  locale: embedValue,
});
export type WidgetSettingsQuery = z.infer<typeof widgetSettingsQuerySchema>;

/** The launcher's final look (`launcherLook` in the protocol: the embed's fields over the saved ones). */
export const launcherLookSchema = z.object({
  language: z.enum(WIDGET_LANGUAGES),
  color: z.string(),
  onColor: z.enum(['#111827', '#fff']),
  position: z.enum(WIDGET_POSITIONS),
  size: z.enum(WIDGET_SIZES),
});

/** The answer of GET /widget/sites/:publicId/settings: the site's public settings and the launcher's look. */
export const widgetSiteSettingsSchema = publicWidgetSettingsSchema.extend({ launcher: launcherLookSchema });
export type WidgetSiteSettings = z.infer<typeof widgetSiteSettingsSchema>;

/** The widget's look as pushed in `settings:update` (the server always sends every field and `ownerSet`). */
export type WidgetSettingsPayload = Partial<PublicWidgetSettings>;

/** Used until an organization sets its own. */
export const DEFAULT_WIDGET_SETTINGS: EffectiveWidgetSettings = {
  color: '#2563eb',
  title: 'Chat with us',
  welcomeMessage: 'Hi! How can we help you?',
  position: 'right',
  size: 'standard',
  language: 'en',
};

/**
 * PUT /widget-settings and PUT /sites/:siteId/widget-settings: the stored level is replaced;
 * a field that is null or left out inherits (site ← organization ← built-in default).
 */
export const widgetSettingsBodySchema = z.object({
  color: widgetColorSchema.nullish(),
  title: z.string().trim().min(1).max(60).nullish(),
  welcomeMessage: z.string().trim().min(1).max(500).nullish(),
  position: z.enum(WIDGET_POSITIONS).nullish(),
  size: z.enum(WIDGET_SIZES).nullish(),
  language: z.enum(WIDGET_LANGUAGES).nullish(),
});
export type WidgetSettingsBody = z.input<typeof widgetSettingsBodySchema>;
export type ParsedWidgetSettingsBody = z.output<typeof widgetSettingsBodySchema>;

/** One stored level: null = inherited. */
export const storedWidgetSettingsSchema = z.object({
  color: z.string().nullable(),
  title: z.string().nullable(),
  welcomeMessage: z.string().nullable(),
  position: z.enum(WIDGET_POSITIONS).nullable(),
  size: z.enum(WIDGET_SIZES).nullable(),
  language: z.enum(WIDGET_LANGUAGES).nullable(),
});
export type StoredWidgetSettings = z.infer<typeof storedWidgetSettingsSchema>;

/** The answer of the admin routes: the level's own values, what it inherits, and the result. */
export const widgetSettingsDtoSchema = z.object({
  /** null for the organization's defaults. */
  siteId: z.string().nullable(),
  settings: storedWidgetSettingsSchema,
  inherited: effectiveWidgetSettingsSchema,
  effective: effectiveWidgetSettingsSchema,
});
export type WidgetSettingsDto = z.infer<typeof widgetSettingsDtoSchema>;

/** Levels from general to specific (organization, then site): each field from the most specific level that sets it. */
export function mergeWidgetSettings(
  base: EffectiveWidgetSettings,
  ...levels: (StoredWidgetSettings | null | undefined)[]
): EffectiveWidgetSettings {
  const result = { ...base };
  for (const level of levels) {
    if (!level) continue;
    for (const key of Object.keys(result) as (keyof EffectiveWidgetSettings)[]) {
      const value = level[key];
      if (value !== null && value !== undefined) (result as Record<string, string>)[key] = value;
    }
  }
  return result;
}

/** The fields any of the levels (organization, site) sets: what `ownerSet` lists. */
export function widgetSettingsOwnerSet(...levels: (StoredWidgetSettings | null | undefined)[]): WidgetSettingsField[] {
  return WIDGET_SETTINGS_FIELDS.filter((field) => levels.some((level) => level?.[field] !== null && level?.[field] !== undefined));
}

import {
  type EffectiveWidgetSettings,
  mergeWidgetSettings,
  type StoredWidgetSettings,
  type WIDGET_LANGUAGES,
  type WIDGET_POSITIONS,
  type WIDGET_SIZES,
  type WidgetSettingsBody,
} from '@chatiq/contracts';

/** One level of the widget's look as the form edits it: '' inherits from the level above. */
export type WidgetForm = {
  color: string;
  title: string;
  welcomeMessage: string;
  position: '' | (typeof WIDGET_POSITIONS)[number];
  size: '' | (typeof WIDGET_SIZES)[number];
  language: '' | (typeof WIDGET_LANGUAGES)[number];
};

export function widgetFormFromStored(stored: StoredWidgetSettings): WidgetForm {
  return {
    color: stored.color ?? '',
    title: stored.title ?? '',
    welcomeMessage: stored.welcomeMessage ?? '',
    position: stored.position ?? '',
    size: stored.size ?? '',
    language: stored.language ?? '',
  };
}

/** What the form stores: a blank (or whitespace) field is null, i.e. inherited. */
export function storedFromForm(form: WidgetForm): StoredWidgetSettings {
  const orNull = <T extends string>(value: T): T | null => (value.trim() === '' ? null : value.trim()) as T | null;
  return {
    color: orNull(form.color),
    title: orNull(form.title),
    welcomeMessage: orNull(form.welcomeMessage),
    position: form.position || null,
    size: form.size || null,
    language: form.language || null,
  };
}

export function widgetBodyFromForm(form: WidgetForm): WidgetSettingsBody {
  return storedFromForm(form);
}

/**
 * The look the preview shows: the inherited look with this form's fields on top. A colour still
 * being typed ("#12") shows the inherited one until it is a whole colour (lower case, as stored).
 */
export function previewLook(inherited: EffectiveWidgetSettings, form: WidgetForm): EffectiveWidgetSettings {
  const stored = storedFromForm(form);
  if (stored.color) stored.color = /^#[0-9a-fA-F]{6}$/.test(stored.color) ? stored.color.toLowerCase() : null;
  return mergeWidgetSettings(inherited, stored);
}

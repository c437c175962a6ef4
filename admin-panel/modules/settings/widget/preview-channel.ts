import type { EffectiveWidgetSettings } from '@chatiq/contracts';

/**
 * The admin panel's side of the live preview (contracts-plan §2): `${widgetUrl}/preview.html`
 * runs the real widget bundle in a frame, tells its parent `{ type: 'chatiq:preview:ready' }`,
 * and applies every `{ type: 'chatiq:preview:settings', settings }` the parent posts.
 */
export const PREVIEW_READY = 'chatiq:preview:ready';
export const PREVIEW_SETTINGS = 'chatiq:preview:settings';

/** The preview page for a first language (later changes arrive by message, without a reload). */
export function previewFrameUrl(widgetUrl: string, language: EffectiveWidgetSettings['language']): string {
  const url = new URL('preview.html', widgetUrl.endsWith('/') ? widgetUrl : `${widgetUrl}/`);
  url.searchParams.set('language', language);
  return url.toString();
}

/** Whether `event` is the preview frame saying it is ready: from that frame's window and the widget's origin. */
export function isPreviewReady(event: Pick<MessageEvent, 'data' | 'origin' | 'source'>, frame: unknown, widgetOrigin: string): boolean {
  if (!frame || event.source !== frame || event.origin !== widgetOrigin) return false;
  const data = event.data as { type?: unknown } | null;
  return typeof data === 'object' && data !== null && data.type === PREVIEW_READY;
}

/** The message that shows `look` in the preview (every field, as a `settings:update` carries them). */
export function previewSettingsMessage(look: EffectiveWidgetSettings): {
  type: typeof PREVIEW_SETTINGS;
  settings: EffectiveWidgetSettings;
} {
  const { color, title, welcomeMessage, position, size, language } = look;
  return { type: PREVIEW_SETTINGS, settings: { color, title, welcomeMessage, position, size, language } };
}

/** The frame's height per widget size: the open panel above its launcher, with the widget's margins. */
export const PREVIEW_FRAME_HEIGHT: Record<EffectiveWidgetSettings['size'], number> = { compact: 580, standard: 660, large: 740 };

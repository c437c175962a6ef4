import { ChatController } from './chat/chat-controller.js';
import { resolveConfig, toLanguage } from './config.js';
import type { BootContext, SdkEvent, WidgetApi } from './embed/chat-module.js';
import { loadStrings } from './i18n.js';
import { adoptStyle } from './widget/adopt-style.js';
import { HOST_ID } from './widget/host.js';
import LAUNCHER_CSS from './widget/launcher.css';
import PANEL_CSS from './widget/panel.css';

// This module is fetched when the pointer comes to the launcher: the strings of the launcher's
// language, which the first open needs, come along at once.
const launcherLanguage = toLanguage(document.getElementById(HOST_ID)?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang'));
if (launcherLanguage) loadStrings(launcherLanguage).catch(() => {});

/**
 * The chat bundle's entry (`assets/chat-<hash>.js`, loaded by widget.js on the first open):
 * resolves the embed configuration in full (the loader checked the site id already), loads the
 * strings of the widget's language (a chunk per language), takes the shadow root over from the
 * loader (its launcher is replaced by the full widget's in the same task, so nothing flickers)
 * and returns the widget's commands for the SDK. In preview mode it shows the sample
 * conversation the admin panel's preview needs (preview/preview.ts, a chunk of its own).
 */
export async function boot({ shadow, config: globalConfig, dataset, listeners, user }: BootContext): Promise<WidgetApi> {
  // Listeners are called each in a task of its own: one that throws (reported as uncaught) stops
  // neither the widget nor the other listeners.
  const emit = (event: SdkEvent, payload?: unknown) => {
    for (const listener of listeners[event] ?? []) setTimeout(listener, 0, payload);
  };
  const result = resolveConfig(globalConfig, dataset, navigator.language, __CHATIQ_API_URL__);
  if (!result.ok) throw new Error(result.warning);
  if (result.warnings.length > 0) console.warn(`[ChatIQ] ${result.warnings.join('; ')}.`);
  const { config } = result;
  const [strings, preview] = await Promise.all([loadStrings(config.language), config.preview ? import('./preview/preview.js') : null]);
  shadow.replaceChildren();
  adoptStyle(shadow, LAUNCHER_CSS + PANEL_CSS, true);
  const controller = new ChatController(shadow, config, strings, emit);
  if (user !== undefined) controller.setUser(user);
  preview?.runPreview(controller);
  return {
    open: () => controller.open(),
    close: () => controller.close(),
    toggle: () => controller.toggle(),
    setUser: (value) => controller.setUser(value),
    setLocale: (language) => controller.setLocale(language),
  };
}

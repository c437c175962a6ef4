import { ChatController } from './chat/chat-controller.js';
import { resolveConfig, toLanguage, withSavedLook } from './config.js';
import type { BootContext, SdkCommand, SdkEvent } from './embed/chat-module.js';
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
 * resolves the embed configuration in full (the loader checked the site id already) with the
 * site's saved look the loader drew the launcher with, loads the strings of the widget's language
 * (a chunk per language), takes the shadow root over from the loader (its launcher is replaced by
 * the full widget's in the same task and the same place, so nothing flickers), then runs the SDK
 * calls the loader queued and takes the queue over. In preview mode it shows the sample
 * conversation the admin panel's preview needs (preview/preview.ts, a chunk of its own).
 */
export async function boot({ shadow, config: globalConfig, dataset, queue, saved }: BootContext): Promise<void> {
  const listeners: Partial<Record<SdkEvent, Set<(payload?: unknown) => void>>> = {};
  // Listeners are called each in a task of their own: one that throws (reported as uncaught) stops
  // neither the widget nor the other listeners.
  const emit = (event: SdkEvent, payload?: unknown) => {
    for (const listener of listeners[event] ?? []) setTimeout(listener, 0, payload);
  };
  const result = resolveConfig(globalConfig, dataset, navigator.language, __CHATIQ_API_URL__);
  if (!result.ok) throw new Error(result.warning);
  if (result.warnings.length > 0) console.warn(`[ChatIQ] ${result.warnings.join('; ')}.`);
  const config = withSavedLook(result.config, saved);
  const [strings, preview] = await Promise.all([loadStrings(config.language), config.preview ? import('./preview/preview.js') : null]);
  shadow.replaceChildren();
  adoptStyle(shadow, LAUNCHER_CSS + PANEL_CSS, true);
  const controller = new ChatController(shadow, config, strings, emit);
  if (saved !== undefined) void controller.applySettings(saved); // the title and greeting the owner set
  preview?.runPreview(controller);
  const api: Record<string, (...args: never[]) => unknown> = {
    open: () => controller.open(),
    close: () => controller.close(),
    toggle: () => controller.toggle(),
    setUser: (value: unknown) => controller.setUser(value),
    setLocale: (language: unknown) => controller.setLocale(language),
    on(event: SdkEvent, listener: (payload?: unknown) => void) {
      listeners[event] ??= new Set();
      listeners[event].add(listener);
    },
    off: (event: SdkEvent, listener: (payload?: unknown) => void) => listeners[event]?.delete(listener),
  };
  const run = ([command, ...args]: SdkCommand) => {
    if (Object.hasOwn(api, command)) api[command]?.(...(args as never[]));
  };
  for (const command of queue.splice(0)) run(command);
  queue.push = (...commands: SdkCommand[]) => {
    for (const command of commands) run(command);
    return 0;
  };
}

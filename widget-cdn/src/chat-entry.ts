import { ChatController } from './chat/chat-controller.js';
import { resolveConfig } from './config.js';
import type { BootContext, WidgetApi } from './embed/chat-module.js';
import { stringsFor } from './i18n.js';
import LAUNCHER_CSS from './widget/launcher.css';
import PANEL_CSS from './widget/panel.css';

/**
 * The chat bundle's entry (`assets/chat-<hash>.js`, loaded by widget.js on the first open):
 * resolves the embed configuration in full (the loader checked the site id already), takes the
 * shadow root over from the loader (its launcher is replaced by the full widget's in the same
 * task, so nothing flickers) and returns the widget's commands.
 */
export function boot({ shadow, globalConfig, scriptDataset }: BootContext): WidgetApi {
  const result = resolveConfig(globalConfig, scriptDataset, navigator.language, __CHATIQ_API_URL__);
  if (!result.ok) throw new Error(result.warning);
  if (result.warnings.length > 0) console.warn(`[ChatIQ] ${result.warnings.join('; ')}.`);
  const style = document.createElement('style');
  style.textContent = LAUNCHER_CSS + PANEL_CSS;
  shadow.replaceChildren(style);
  const controller = new ChatController(shadow, result.config, stringsFor(result.config.language));
  return { open: () => controller.open(), close: () => controller.close(), toggle: () => controller.toggle() };
}

import { ChatController } from './chat/chat-controller.js';
import { MISSING_SITE_ID_WARNING, resolveConfig } from './config.js';
import { exposeApi, whenGlobalConfigSet } from './embed/global-config.js';
import { findOwnScript, scriptDataset } from './embed/own-script.js';
import { stringsFor } from './i18n.js';
import { HOST_ID, mountHost } from './widget/host.js';

// widget.js entry: read the embed configuration, then mount the widget. Nothing connects to the
// server and nothing is stored until the visitor opens the chat.

const dataset = scriptDataset(findOwnScript(document)); // only readable while this script first runs
let started = false;

function start(globalConfig: unknown): void {
  if (started) return;
  started = true;
  if (document.getElementById(HOST_ID)) return; // widget.js was included twice: the first copy runs the widget
  const result = resolveConfig(globalConfig, dataset, navigator.language, __CHATIQ_API_URL__);
  if (!result.ok) {
    console.warn(result.warning);
    return;
  }
  if (result.warnings.length > 0) console.warn(`[ChatIQ] ${result.warnings.join('; ')}.`);
  const shadow = mountHost(document);
  if (!shadow) return;
  const controller = new ChatController(shadow, result.config, stringsFor(result.config.language));
  exposeApi({ open: () => controller.open(), close: () => controller.close(), toggle: () => controller.toggle() });
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

if (window.chtq !== undefined || dataset.siteId || dataset.projectId) {
  whenBodyReady(() => start(window.chtq));
} else {
  whenGlobalConfigSet(
    (config) => whenBodyReady(() => start(config)),
    () => console.warn(MISSING_SITE_ID_WARNING),
  );
}

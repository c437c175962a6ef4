import { MISSING_SITE_ID_WARNING, resolveLook, resolveSiteId } from './config.js';
import type { ChatModule, WidgetApi } from './embed/chat-module.js';
import { exposeApi, whenGlobalConfigSet } from './embed/global-config.js';
import { mountLauncher } from './embed/launcher.js';
import { findOwnScript, scriptBaseUrl, scriptDataset } from './embed/own-script.js';

// widget.js, the loader: reads the embed configuration, draws the launcher bubble and loads the
// chat bundle (an ES module with a hashed name, next to widget.js) only when the visitor reaches
// for the chat: it is fetched when the pointer or focus comes to the bubble, and started on the
// first open (a click, or `window.chtq.open()`). Nothing connects to the server and nothing is
// stored before that.

const script = findOwnScript(document); // only `document.currentScript` while this script first runs
const dataset = scriptDataset(script);
const chatUrl = new URL(__CHATIQ_CHAT_FILE__, scriptBaseUrl(document, script)).href;
let started = false;

function start(globalConfig: unknown): void {
  if (started) return;
  started = true;
  const site = resolveSiteId(globalConfig, dataset);
  if (!site.ok) {
    console.warn(site.warning);
    return;
  }
  const launcher = mountLauncher(document, resolveLook(globalConfig, dataset, navigator.language));
  if (!launcher) return; // widget.js was included twice: the first copy runs the widget

  let chat: Promise<ChatModule> | undefined;
  let app: Promise<WidgetApi> | undefined;
  const fetchChat = () => (chat ??= import(/* @vite-ignore */ chatUrl) as Promise<ChatModule>);
  const run = (command: keyof WidgetApi) => {
    // The bundle resolves (and warns about) the rest of the configuration.
    app ??= fetchChat().then((module) => module.boot({ globalConfig, scriptDataset: dataset, shadow: launcher.shadow }));
    app.then(
      (api) => api[command](),
      (error: unknown) => {
        chat = app = undefined; // the next click tries again
        console.warn(`[ChatIQ] Could not load ${chatUrl}: ${error}`);
      },
    );
  };
  const { button } = launcher; // the loader's own element: its on* properties are ours to set
  button.onpointerenter = button.onfocus = button.ontouchstart = () => fetchChat().catch(() => (chat = undefined));
  button.onclick = () => run('open');
  exposeApi({ open: () => run('open'), close: () => app && run('close'), toggle: () => run('toggle') });
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run);
}

if (window.chtq !== undefined || dataset.siteId || dataset.projectId) {
  whenBodyReady(() => start(window.chtq));
} else {
  whenGlobalConfigSet(
    (config) => whenBodyReady(() => start(config)),
    () => console.warn(MISSING_SITE_ID_WARNING),
  );
}

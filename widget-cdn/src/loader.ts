import { MISSING_SITE_ID_WARNING, resolveLook, siteIdOf } from './config.js';
import type { ChatModule, WidgetApi } from './embed/chat-module.js';
import { exposeApi, whenGlobalConfigSet } from './embed/global-config.js';
import { mountLauncher } from './embed/launcher.js';
import { findOwnScript, scriptBaseUrl, scriptDataset } from './embed/own-script.js';

// widget.js, the loader: reads the embed configuration, draws the launcher bubble, runs the JS SDK
// on `window.chtq` and loads the chat bundle (an ES module with a hashed name, next to widget.js)
// only when needed: it is fetched when the pointer or focus comes to the bubble, and started on the
// first open (a click, `chtq.open()`) or `chtq.setLocale()`. Nothing connects to the server and
// nothing is stored before the first open. `chtq.setUser()` before that is kept here and handed to
// the chat when it starts (it never starts it by itself); listeners (`chtq.on`) live here, so they
// work from the start. In preview mode (`chtq.preview`, the admin panel's preview page) there is no
// site id and the chat starts at once. Every byte here is downloaded on every page view of every
// site: the build fails above 2 KiB gzip.

const script = findOwnScript(document); // only `document.currentScript` while this script first runs
const dataset = scriptDataset(script);
const chatUrl = new URL(__CHATIQ_CHAT_FILE__, scriptBaseUrl(document, script)).href;
/** Whether the missing site id was reported (once; a window.chtq set later still starts the widget). */
let warned = 0;

type Listener = (payload?: unknown) => void;

function start(globalConfig: unknown): void {
  const preview = (globalConfig as { preview?: unknown } | undefined)?.preview === true;
  if (!siteIdOf(globalConfig, dataset) && !preview) {
    if (!warned++) console.warn(MISSING_SITE_ID_WARNING);
    return;
  }
  const shadow = mountLauncher(document, resolveLook(globalConfig, dataset, navigator.language));
  if (!shadow) return; // started already, or widget.js was included twice: the first start runs the widget
  const button = shadow.querySelector('button') as HTMLButtonElement; // the loader's own element: its on* properties are ours to set

  const listeners: Record<string, Set<Listener>> = {}; // called by the chat bundle, each in a task of its own
  let chat: Promise<ChatModule> | undefined;
  let app: Promise<WidgetApi> | undefined;
  let user: unknown;
  const fetchChat = () => (chat ??= import(/* @vite-ignore */ chatUrl) as Promise<ChatModule>);
  const run = (command: keyof WidgetApi, value?: unknown) => {
    // The bundle resolves (and warns about) the rest of the configuration.
    app ??= fetchChat().then((module) => module.boot({ config: globalConfig, dataset, shadow, listeners, user }));
    app.then(
      (api) => api[command](value),
      (error: unknown) => {
        chat = app = undefined; // the next call tries again
        console.warn(`[ChatIQ] ${error}`);
      },
    );
  };

  button.onpointerenter = button.onfocus = () => fetchChat().catch(() => (chat = undefined));
  button.onclick = () => run('open');
  const api: Record<string, (...args: never[]) => unknown> = {
    open: () => run('open'),
    close: () => app && run('close'),
    toggle: () => run('toggle'),
    setLocale: (language: unknown) => run('setLocale', language),
    setUser(value: unknown) {
      user = value;
      if (app) run('setUser', value);
    },
    on(event: string, listener: Listener) {
      // The widget is on the page by the time anyone can call this: `ready` is answered at once.
      if (event === 'ready') setTimeout(listener);
      else {
        listeners[event] ??= new Set();
        listeners[event].add(listener);
      }
    },
    off: (event: string, listener: Listener) => listeners[event]?.delete(listener),
  };
  // Calls queued before widget.js ran (`chtq.q = [['setUser', {…}], ['on', 'message', fn]]`) run
  // now, later pushes at once.
  const call = (command: unknown) => Array.isArray(command) && api[command[0]]?.(...(command.slice(1) as never[]));
  const queued = (globalConfig as { q?: { forEach?(run: typeof call): void } } | undefined)?.q;
  exposeApi({ ...api, q: { push: call } });
  queued?.forEach?.(call);
  if (preview) run('open');
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else addEventListener('DOMContentLoaded', run);
}

const begin = () => whenBodyReady(() => start(window.chtq));
if (window.chtq !== undefined || dataset.siteId || dataset.projectId) begin();
else whenGlobalConfigSet(begin);

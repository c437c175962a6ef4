import type { LauncherLook } from '@chatiq/contracts/protocol';
import { apiUrlOf, firstDefined, MISSING_SITE_ID_WARNING, siteIdOf } from './config.js';
import type { ChatModule, SdkCommand } from './embed/chat-module.js';
import { exposeApi, whenGlobalConfigSet } from './embed/global-config.js';
import { mountLauncher } from './embed/launcher.js';
import { findOwnScript, scriptBaseUrl, scriptDataset } from './embed/own-script.js';

// widget.js, the loader: reads the embed configuration, asks the API once for the site's saved
// look (`GET /widget/sites/:id/settings`: no cookie, nothing stored; the answer also says whether
// the site exists and allows this page), draws the launcher bubble in that look, queues the JS SDK's
// calls on `window.chtq` and loads the chat bundle (an ES module with a hashed name, next to
// widget.js) only when needed: it is fetched when the pointer or focus comes to the bubble, and
// started on the first open (a click, `chtq.open()`) or `chtq.setLocale()`; the bundle then runs
// the queued calls and every later one. A site the server refuses (unknown id, origin not
// allowed) gets no launcher, only one console warning; when the API cannot be reached the
// launcher keeps the embed's look (the chat says it is offline). In preview mode (`chtq.preview`,
// the admin panel's preview page) there is no site id, no request, and the chat starts at once.
// Every byte here is downloaded on every page view of every site: the build fails above 2 KiB gzip.

const script = findOwnScript(document); // only `document.currentScript` while this script first runs
const dataset = scriptDataset(script);
const chatUrl = new URL(__CHATIQ_CHAT_FILE__, scriptBaseUrl(document, script)).href;
/** Whether the missing site id was reported (once; a window.chtq set later still starts the widget). */
let warned = 0;
/** Whether this copy of widget.js started (asked for the site's look). */
let started = 0;

type Queue = { push(command: unknown): unknown; forEach?(run: (command: unknown) => void): void };
const sdk = () => window.chtq as { q: Queue };
/** The preview's launcher, until the chat (started at once) draws its own. */
const PREVIEW_LOOK: LauncherLook = { language: 'en', color: '#2563eb', onColor: '#fff', position: 'right', size: 'standard' };

function start(globalConfig: unknown): void {
  const preview = (globalConfig as { preview?: unknown } | undefined)?.preview === true;
  const siteId = siteIdOf(globalConfig, dataset);
  if (!siteId && !preview) {
    if (!warned++) console.warn(MISSING_SITE_ID_WARNING);
    return;
  }
  if (started++) return;
  // Until the launcher is drawn, every SDK call waits in `chtq.q` (the snippet's stub does the same,
  // and so does a second copy of widget.js: the copy that draws the launcher takes the queue over).
  const api: Record<string, unknown> = { q: sdk()?.q || [] };
  for (const method of 'open close toggle setLocale setUser on off'.split(' ')) {
    api[method] = (...args: unknown[]) => sdk().q.push([method, ...args]);
  }
  exposeApi(api);
  // The embed's look goes to the API, which answers the launcher's final look with the saved settings.
  const query = new URLSearchParams({ locale: navigator.language });
  for (const name of ['language', 'color', 'position', 'size']) {
    const value = firstDefined((globalConfig as Record<string, unknown> | undefined)?.[name], dataset[name]);
    if (value !== undefined) query.set(name, `${value}`.slice(0, 99)); // longer is no valid value (the API refuses over 200)
  }
  if (preview) draw({ launcher: PREVIEW_LOOK });
  else
    fetch(`${apiUrlOf(globalConfig, dataset, __CHATIQ_API_URL__)}/widget/sites/${encodeURIComponent(siteId as string)}/settings?${query}`)
      .then((response) =>
        response.json().then((body) =>
          response.ok
            ? draw(body)
            : // 404 site_not_found, 403 origin_not_allowed: this page may not have the chat.
              [403, 404].includes(response.status) && console.warn(`[ChatIQ] ${body.message} (${body.code}): the chat is not shown.`),
        ),
      )
      .catch(() => {}); // not reachable: no launcher (the browser reports the failed request)

  function draw(saved: { launcher: LauncherLook }): void {
    const shadow = mountLauncher(document, saved.launcher);
    if (!shadow) return; // widget.js was included twice: the first copy's launcher runs the widget
    const button = shadow.querySelector('button') as HTMLButtonElement; // the loader's own element: its on* properties are ours to set
    /** What the chat bundle has to carry out (it takes this queue over when it starts). */
    const queue: SdkCommand[] = [];
    let chat: Promise<ChatModule> | undefined;
    let app: Promise<void> | undefined;
    const fetchChat = () => (chat ??= import(/* @vite-ignore */ chatUrl) as Promise<ChatModule>);
    const run = () =>
      // The bundle resolves (and warns about) the rest of the configuration.
      (app ??= fetchChat()
        .then((module) => module.boot({ config: globalConfig, dataset, shadow, queue, saved }))
        .catch((error: unknown) => {
          chat = app = undefined; // the next call tries again
          console.warn(`[ChatIQ] ${error}`);
        }));
    const call = (command: unknown) => {
      if (!Array.isArray(command)) return;
      // The widget is on the page by now: `ready` is answered at once.
      if (command[0] === 'on' && command[1] === 'ready') setTimeout(command[2]);
      else {
        queue.push(command as SdkCommand);
        if (/^(open|toggle|setLocale)$/.test(command[0])) run();
      }
    };
    button.onpointerenter = button.onfocus = () => fetchChat().catch(() => (chat = undefined));
    button.onclick = () => call(['open']);
    // The calls queued so far run now, in order; later ones at once.
    const queued = sdk()?.q;
    exposeApi({ q: { push: call } });
    queued?.forEach?.(call);
    if (preview) call(['open']);
  }
}

// The host goes at the end of <html> (embed/launcher.ts): the launcher may be drawn before <body> is parsed.
const begin = () => start(window.chtq);
if (window.chtq !== undefined || dataset.siteId || dataset.projectId) begin();
else whenGlobalConfigSet(begin);

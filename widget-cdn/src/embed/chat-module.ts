import type { ScriptDataset } from '../config.js';

/** What the page can call on `window.chtq` once the widget runs. */
export interface WidgetApi {
  open(): void;
  close(): void;
  toggle(): void;
}

/**
 * What the loader hands the chat bundle when the visitor first opens the chat: the shadow root
 * with the loader's launcher (the bundle replaces it) and the embed configuration as the page
 * gave it, which the bundle resolves in full (and warns about).
 */
export interface BootContext {
  shadow: ShadowRoot;
  /** A copy of `window.chtq` as it was when the widget started. */
  globalConfig: unknown;
  scriptDataset: ScriptDataset;
}

/** The chat bundle (`assets/chat-<hash>.js`), an ES module the loader imports lazily. */
export interface ChatModule {
  boot(context: BootContext): WidgetApi;
}

import type { ScriptDataset } from '../config.js';

/** What `chtq.on(event, listener)` listens to. */
export type SdkEvent = 'ready' | 'open' | 'close' | 'message';

/**
 * The payload of the `message` event: a message from the site's side (an operator, the AI
 * assistant or the system) that arrived while the page was open.
 */
export interface SdkMessage {
  id: string;
  chatId: string;
  author: 'operator' | 'ai' | 'system';
  /** The operator's name (null for the assistant and the system). */
  authorName: string | null;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  /** The attached file, if any. */
  attachment: { name: string; type: string; size: number } | null;
}

/** An SDK call as the page made it: `['setUser', {…}]`, `['on', 'message', fn]`, `['open']`. */
export type SdkCommand = [string, ...unknown[]];

/**
 * What the loader hands the chat bundle when the visitor first opens the chat (or the page calls
 * `open`, `toggle`, `setLocale`): the shadow root with the loader's launcher (the bundle replaces
 * it), the embed configuration as the page gave it (the bundle resolves it in full and warns about
 * it), the site's saved look the loader drew the launcher with, and the SDK calls the page made
 * so far (the bundle runs them in order, then takes the queue over: its `push` runs a call at once).
 */
export interface BootContext {
  shadow: ShadowRoot;
  /** `window.chtq` as it was when the widget started. */
  config: unknown;
  /** The script tag's data attributes (the legacy embeds). */
  dataset: ScriptDataset;
  /** The SDK calls waiting for the chat (`ready` listeners excepted: the loader answers them). */
  queue: SdkCommand[];
  /** `GET /widget/sites/:id/settings` as the loader read it (undefined: not read, e.g. the API was unreachable, or the preview). */
  saved?: unknown;
}

/** The chat bundle (`assets/chat-<hash>.js`), an ES module the loader imports lazily. */
export interface ChatModule {
  boot(context: BootContext): Promise<void>;
}

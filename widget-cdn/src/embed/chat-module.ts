import type { ScriptDataset } from '../config.js';

/** The commands of `window.chtq` the chat bundle carries out (the loader forwards them). */
export interface WidgetApi {
  open(): void;
  close(): void;
  toggle(): void;
  /** `{ id, name, email, hash }`: sent as `visitor:identify` once connected; never connects by itself. */
  setUser(user: unknown): void;
  /** `'uk' | 'en'`: every string switches at once. */
  setLocale(language: unknown): void;
}

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

/**
 * What the loader hands the chat bundle when the visitor first opens the chat: the shadow root
 * with the loader's launcher (the bundle replaces it), the embed configuration as the page gave
 * it (the bundle resolves it in full and warns about it), the SDK's listeners, and the last
 * `setUser` / `setLocale` values the page gave before the chat started.
 */
export interface BootContext {
  shadow: ShadowRoot;
  /** `window.chtq` as it was when the widget started. */
  config: unknown;
  /** The script tag's data attributes (the legacy embeds). */
  dataset: ScriptDataset;
  /** The page's SDK listeners by event (`chtq.on`), kept by the loader: the bundle calls them. */
  listeners: Partial<Record<SdkEvent, Set<(payload?: unknown) => void>>>;
  user?: unknown;
  locale?: unknown;
}

/** The chat bundle (`assets/chat-<hash>.js`), an ES module the loader imports lazily. */
export interface ChatModule {
  boot(context: BootContext): Promise<WidgetApi>;
}

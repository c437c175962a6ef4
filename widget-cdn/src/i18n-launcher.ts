import type { WidgetLanguage } from './config.js';

/**
 * The launcher's label, which the loader (widget.js) needs before the chat bundle is loaded: in a
 * module of its own so the loader does not carry every string of both languages (i18n.ts).
 */
export const OPEN_CHAT_LABEL: Record<WidgetLanguage, string> = { en: 'Open chat', uk: 'Відкрити чат' };

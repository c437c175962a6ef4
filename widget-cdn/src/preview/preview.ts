import type { MessageDto } from '@chatiq/contracts';
import type { ChatController } from '../chat/chat-controller.js';
import type { WidgetLanguage } from '../config.js';

/**
 * The admin panel's live preview (a chunk of its own, loaded only by preview.html): the widget
 * open on a sample conversation, with no connection, no request to the API and nothing stored.
 * The page in the frame tells its parent `{ type: 'chatiq:preview:ready' }`; the parent sends
 * `{ type: 'chatiq:preview:settings', settings }` (EffectiveWidgetSettings) as often as it likes,
 * and each is applied like a `settings:update` (every field checked, invalid ones dropped). Only
 * the parent's messages count.
 */
export function runPreview(controller: ChatController): void {
  /** The welcome bubble's text: null for the built-in greeting, in the preview's language. */
  let welcome: string | null = null;
  const show = () => controller.showSample(welcome, messages(SAMPLE[controller.currentLanguage]));
  controller.onLanguage = show;
  show();
  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; settings?: unknown } | null;
    if (event.source !== window.parent || window.parent === window || data?.type !== 'chatiq:preview:settings') return;
    const settings = (typeof data.settings === 'object' && data.settings) || {};
    void controller.applySettings(settings).then((applied) => {
      if (applied.welcomeMessage !== undefined) welcome = applied.welcomeMessage || null;
      show();
    });
  });
  if (window.parent !== window) window.parent.postMessage({ type: 'chatiq:preview:ready' }, '*');
}

type Sample = { visitor: string; operatorName: string; operator: string; ai: string };

/** The sample conversation, in the widget's language (the welcome message comes from the settings). */
const SAMPLE: Record<WidgetLanguage, Sample> = {
  en: {
    visitor: 'Hi! Do you deliver to Lviv?',
    operatorName: 'Olena',
    operator: 'Yes, we do: 1–2 days by Nova Poshta.',
    ai: 'Delivery is free on orders over 2000 ₴.',
  },
  uk: {
    visitor: 'Вітаю! Чи доставляєте до Львова?',
    operatorName: 'Олена',
    operator: 'Так, 1–2 дні Новою поштою.',
    ai: 'Доставка безкоштовна для замовлень від 2000 ₴.',
  },
};

function messages(sample: Sample): MessageDto[] {
  const at = Date.now();
  const message = (seq: number, authorKind: MessageDto['authorKind'], text: string, authorName: string | null = null): MessageDto => ({
    id: `preview-${seq}`,
    chatId: 'preview',
    seq,
    publicSeq: seq,
    clientId: null,
    authorKind,
    authorId: null,
    authorName,
    text,
    internal: false,
    attachment: null,
    systemEvent: null,
    createdAt: new Date(at - (4 - seq) * 60_000).toISOString(),
  });
  return [message(1, 'VISITOR', sample.visitor), message(2, 'OPERATOR', sample.operator, sample.operatorName), message(3, 'AI', sample.ai)];
}

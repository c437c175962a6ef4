import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetConfig } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { el, ICONS, icon } from './dom.js';
import { createMessageElement, updateMessageElement } from './message-element.js';
import { readableTextColor } from './theme.js';

export interface ViewHandlers {
  toggle(): void;
  close(): void;
  send(text: string): void;
  retry(clientId: string): void;
}

export type Banner = { text: string; tone: 'info' | 'error' };

/** The contract's limit on one message. */
const MAX_MESSAGE_LENGTH = 5000;
/** Closer than this to the bottom of the list, new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 80;

/**
 * The widget's DOM inside its shadow root: the launcher button with its unread badge and the
 * chat panel (header, status banner, message log and composer). It only shows what it is told
 * and reports what the visitor does to its handlers.
 */
export class WidgetView {
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly unreadDescription: HTMLSpanElement;
  private readonly panel: HTMLDivElement;
  private readonly banner: HTMLDivElement;
  private readonly messageList: HTMLDivElement;
  private readonly greeting: HTMLParagraphElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly rendered = new Map<string, { entry: ChatEntry; element: HTMLElement }>();

  constructor(
    private readonly shadow: ShadowRoot,
    config: WidgetConfig,
    private readonly strings: WidgetStrings,
    private readonly handlers: ViewHandlers,
  ) {
    const title = config.title ?? strings.title;

    this.badge = el('span', { class: 'chatiq-badge', 'aria-hidden': 'true', hidden: true });
    this.unreadDescription = el('span', { id: 'chatiq-unread', class: 'chatiq-sr-only' });
    this.launcher = el(
      'button',
      {
        type: 'button',
        class: 'chatiq-launcher',
        'aria-label': strings.openChat,
        'aria-expanded': 'false',
        'aria-controls': 'chatiq-panel',
        'aria-describedby': 'chatiq-unread',
      },
      withClass(icon(...ICONS.chat), 'chatiq-icon-chat'),
      withClass(icon(...ICONS.close), 'chatiq-icon-close'),
      this.badge,
    );

    const closeButton = el('button', { type: 'button', class: 'chatiq-close', 'aria-label': strings.closeChat }, icon(...ICONS.close));
    this.banner = el('div', { class: 'chatiq-banner', role: 'status', hidden: true });
    this.greeting = el('p', { class: 'chatiq-greeting' }, strings.greeting);
    this.messageList = el('div', { class: 'chatiq-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' }, this.greeting);
    this.input = el('textarea', {
      class: 'chatiq-input',
      rows: '1',
      maxlength: String(MAX_MESSAGE_LENGTH),
      'aria-label': strings.messageLabel,
      placeholder: strings.placeholder,
    });
    this.sendButton = el('button', { type: 'submit', class: 'chatiq-send', 'aria-label': strings.send }, icon(...ICONS.send));
    const composer = el('form', { class: 'chatiq-composer' }, this.input, this.sendButton);

    this.panel = el(
      'div',
      { id: 'chatiq-panel', class: 'chatiq-panel', role: 'dialog', 'aria-label': title, hidden: true },
      el('div', { class: 'chatiq-header' }, el('h2', { class: 'chatiq-title' }, title), closeButton),
      this.banner,
      this.messageList,
      composer,
    );

    this.root = el(
      'div',
      { class: `chatiq-root chatiq-position-${config.position} chatiq-size-${config.size}`, lang: config.language },
      this.panel,
      this.launcher,
      this.unreadDescription,
    );
    this.root.style.setProperty('--chatiq-color', config.color);
    this.root.style.setProperty('--chatiq-on-color', readableTextColor(config.color));

    this.launcher.addEventListener('click', () => handlers.toggle());
    closeButton.addEventListener('click', () => handlers.close());
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => this.fitInputHeight());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        handlers.close();
      }
    });
    // Keys typed into the chat are the visitor's, not the page's shortcuts'.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      this.root.addEventListener(type, (event) => event.stopPropagation());
    }

    shadow.append(this.root);
  }

  setOpen(open: boolean): void {
    const focusWasInside = this.shadow.activeElement !== null;
    this.root.classList.toggle('chatiq-open', open);
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.strings.closeChat : this.strings.openChat);
    if (open) {
      (this.input.disabled ? this.messageList : this.input).focus();
      this.scrollToBottom();
    } else if (focusWasInside) {
      this.launcher.focus();
    }
  }

  /** Shows the entries in order, reusing the element of every message already shown. */
  renderMessages(entries: readonly ChatEntry[]): void {
    const list = this.messageList;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < STICK_TO_BOTTOM_PX;
    const keys = new Set<string>();
    let previous: Element = this.greeting;
    let ownMessageAdded = false;
    for (const entry of entries) {
      keys.add(entry.key);
      let shown = this.rendered.get(entry.key);
      if (!shown) {
        shown = { entry, element: createMessageElement(entry, this.strings, this.handlers.retry) };
        this.rendered.set(entry.key, shown);
        ownMessageAdded ||= entry.authorKind === 'VISITOR';
      } else if (shown.entry !== entry) {
        updateMessageElement(shown.element, entry, this.strings, this.handlers.retry);
        shown.entry = entry;
      }
      if (previous.nextElementSibling !== shown.element) previous.after(shown.element);
      previous = shown.element;
    }
    for (const [key, shown] of this.rendered) {
      if (keys.has(key)) continue;
      shown.element.remove();
      this.rendered.delete(key);
    }
    if (nearBottom || ownMessageAdded) this.scrollToBottom();
  }

  /** The site's own greeting (`welcome:message`) instead of the default one. */
  setGreeting(text: string): void {
    this.greeting.textContent = text;
  }

  setBanner(banner: Banner | null): void {
    this.banner.hidden = banner === null;
    this.banner.textContent = banner?.text ?? '';
    if (banner) this.banner.dataset.tone = banner.tone;
  }

  setUnread(count: number): void {
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 99 ? '99+' : String(count);
    this.unreadDescription.textContent = count === 0 ? '' : this.strings.unread(count);
  }

  /** Off when the server refused the widget for good: nothing could be sent. */
  setComposerEnabled(enabled: boolean): void {
    this.input.disabled = !enabled;
    this.sendButton.disabled = !enabled;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.input.disabled) return;
    this.handlers.send(text);
    this.input.value = '';
    this.fitInputHeight();
    this.input.focus();
  }

  private fitInputHeight(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }

  private scrollToBottom(): void {
    this.messageList.scrollTop = this.messageList.scrollHeight;
  }
}

function withClass<E extends Element>(element: E, className: string): E {
  element.classList.add(className);
  return element;
}

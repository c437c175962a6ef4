import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetConfig, WidgetLanguage, WidgetPosition, WidgetSize } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { el, ICONS, icon } from './dom.js';
import { createMessageElement, updateMessageElement } from './message-element.js';
import { readableTextColor } from './theme.js';

export interface ViewHandlers {
  toggle(): void;
  close(): void;
  send(text: string): void;
  retry(clientId: string): void;
  /** The visitor typed or deleted something in the composer. */
  typing(): void;
}

/** What `settings:update` can change live (the language comes with its strings). */
export interface LiveLook {
  color?: string;
  title?: string;
  position?: WidgetPosition;
  size?: WidgetSize;
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
  private readonly closeButton: HTMLButtonElement;
  private readonly titleElement: HTMLHeadingElement;
  private readonly status: HTMLDivElement;
  private readonly typingLine: HTMLParagraphElement;
  private readonly closedLine: HTMLParagraphElement;
  private customTitle: string | null;
  private customGreeting: string | null = null;
  private position: WidgetPosition;
  private size: WidgetSize;
  private unreadCount = 0;
  private typingName: string | null = null;
  private readonly rendered = new Map<string, { entry: ChatEntry; element: HTMLElement }>();

  constructor(
    private readonly shadow: ShadowRoot,
    config: WidgetConfig,
    private strings: WidgetStrings,
    private readonly handlers: ViewHandlers,
  ) {
    const title = config.title ?? strings.title;
    this.customTitle = config.title;
    this.position = config.position;
    this.size = config.size;

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
    this.closeButton = closeButton;
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
    this.typingLine = el('p', { class: 'chatiq-typing', hidden: true });
    this.closedLine = el('p', { class: 'chatiq-closed', hidden: true }, strings.chatClosed);
    this.status = el('div', { class: 'chatiq-status', role: 'status', hidden: true }, this.typingLine, this.closedLine);
    this.titleElement = el('h2', { class: 'chatiq-title' }, title);

    this.panel = el(
      'div',
      { id: 'chatiq-panel', class: 'chatiq-panel', role: 'dialog', 'aria-label': title, hidden: true },
      el('div', { class: 'chatiq-header' }, this.titleElement, closeButton),
      this.banner,
      this.messageList,
      this.status,
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
    this.input.addEventListener('input', () => {
      this.fitInputHeight();
      if (this.input.value.trim()) handlers.typing();
    });
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
    this.customGreeting = text;
    this.greeting.textContent = text;
  }

  /** "<name> is typing…" under the messages, or nothing. */
  setTyping(name: string | null): void {
    this.typingName = name;
    this.typingLine.hidden = name === null;
    this.typingLine.textContent = name === null ? '' : this.strings.typing(name);
    this.updateStatusVisibility();
  }

  /** The "conversation closed, write to start a new one" line. */
  setClosed(closed: boolean): void {
    this.closedLine.hidden = !closed;
    this.updateStatusVisibility();
  }

  /** Applies the site owner's new look (`settings:update`) without a reload. */
  applyLook(look: LiveLook): void {
    if (look.color) {
      this.root.style.setProperty('--chatiq-color', look.color);
      this.root.style.setProperty('--chatiq-on-color', readableTextColor(look.color));
    }
    if (look.position) this.position = look.position;
    if (look.size) this.size = look.size;
    this.root.classList.remove(
      'chatiq-position-left',
      'chatiq-position-right',
      'chatiq-size-compact',
      'chatiq-size-standard',
      'chatiq-size-large',
    );
    this.root.classList.add(`chatiq-position-${this.position}`, `chatiq-size-${this.size}`);
    if (look.title !== undefined) this.customTitle = look.title || null;
    this.applyTitle();
  }

  /** Switches every visible text to another language. */
  setLanguage(language: WidgetLanguage, strings: WidgetStrings): void {
    this.strings = strings;
    this.root.lang = language;
    this.closeButton.setAttribute('aria-label', strings.closeChat);
    this.launcher.setAttribute('aria-label', this.panel.hidden ? strings.openChat : strings.closeChat);
    if (this.customGreeting === null) this.greeting.textContent = strings.greeting;
    this.input.setAttribute('aria-label', strings.messageLabel);
    this.input.placeholder = strings.placeholder;
    this.sendButton.setAttribute('aria-label', strings.send);
    this.closedLine.textContent = strings.chatClosed;
    this.applyTitle();
    this.setUnread(this.unreadCount);
    this.setTyping(this.typingName);
    for (const shown of this.rendered.values()) updateMessageElement(shown.element, shown.entry, strings, this.handlers.retry);
  }

  setBanner(banner: Banner | null): void {
    this.banner.hidden = banner === null;
    this.banner.textContent = banner?.text ?? '';
    if (banner) this.banner.dataset.tone = banner.tone;
  }

  setUnread(count: number): void {
    this.unreadCount = count;
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

  private applyTitle(): void {
    const title = this.customTitle ?? this.strings.title;
    this.titleElement.textContent = title;
    this.panel.setAttribute('aria-label', title);
  }

  private updateStatusVisibility(): void {
    this.status.hidden = this.typingLine.hidden && this.closedLine.hidden;
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

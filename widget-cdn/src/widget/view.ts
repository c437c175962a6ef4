import type { BusinessView, LeaveMessageInput } from '../chat/business-status.js';
import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetConfig, WidgetLanguage, WidgetPosition, WidgetSize } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { ATTACHMENT_ACCEPT } from '../transport/upload.js';
import { ATTACH_ICON, CHAT_ICON, CLOSE_ICON, el, icon, MAIL_ICON, SEND_ICON } from './dom.js';
import { createMessageElement, createStreamElement, type FileUrl, updateMessageElement, updateStreamElement } from './message-element.js';
import { type FormError, OffHoursCard } from './offhours-card.js';
import { applyColor, rootClassName } from './theme.js';
import { type Feedback, TranscriptForm } from './transcript-form.js';

export interface ViewHandlers {
  toggle(): void;
  close(): void;
  send(text: string): void;
  retry(clientId: string): void;
  /** Drop the visitor's refused message or file from the list. */
  remove(clientId: string): void;
  /** The visitor typed or deleted something in the composer. */
  typing(): void;
  /** Files picked, dropped on the panel or pasted into the composer. */
  attach(files: File[]): void;
  /** The off-hours form was sent. */
  leaveMessage(input: LeaveMessageInput): void;
  /** "Email me this conversation" was sent with this address. */
  transcript(email: string): void;
  /** The transcript form was opened (the controller knows the email, if any). */
  transcriptOpened(): string | null;
}

/** What `settings:update` can change live (the language comes with its strings). */
export interface LiveLook {
  color?: string;
  title?: string;
  position?: WidgetPosition;
  size?: WidgetSize;
}

export type Banner = { text: string; tone: 'info' | 'error' };

/** A stream of the assistant's answer to show (see AiStreams). */
export type StreamView = { streamId: string; text: string };

/** The contract's limit on one message. */
const MAX_MESSAGE_LENGTH = 5000;
/** Closer than this to the bottom of the list, new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 80;

/**
 * The widget's DOM inside its shadow root: the launcher button with its unread badge and the
 * chat panel (header with title, availability and the transcript action; status banner; message
 * log with the welcome, the off-hours card, the messages and the assistant's streaming answer;
 * status lines; composer with attachments). It only shows what it is told and reports what the
 * visitor does to its handlers.
 */
export class WidgetView {
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly unreadDescription: HTMLSpanElement;
  private readonly panel: HTMLDivElement;
  private readonly banner: HTMLDivElement;
  private readonly messageList: HTMLDivElement;
  private readonly intro: HTMLDivElement;
  private readonly greeting: HTMLParagraphElement;
  private readonly welcome: HTMLDivElement;
  private readonly welcomeText: HTMLDivElement;
  private readonly offHours: OffHoursCard;
  private readonly streamBox: HTMLDivElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly attachButton: HTMLButtonElement;
  private readonly fileInput: HTMLInputElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly transcriptButton: HTMLButtonElement;
  private readonly transcript: TranscriptForm;
  private readonly titleElement: HTMLHeadingElement;
  private readonly presence: HTMLDivElement;
  private readonly dropZone: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly typingLine: HTMLParagraphElement;
  private readonly handoffLine: HTMLParagraphElement;
  private readonly closedLine: HTMLParagraphElement;
  private customTitle: string | null;
  private customGreeting: string | null = null;
  private position: WidgetPosition;
  private size: WidgetSize;
  private unreadCount = 0;
  private businessView: BusinessView | null = null;
  private readonly rendered = new Map<string, { entry: ChatEntry; element: HTMLElement }>();
  private readonly streams = new Map<string, HTMLElement>();

  constructor(
    private readonly shadow: ShadowRoot,
    config: WidgetConfig,
    private strings: WidgetStrings,
    private readonly handlers: ViewHandlers,
    private readonly fileUrl: FileUrl,
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
      icon(CHAT_ICON, 'chatiq-icon-chat'),
      icon(CLOSE_ICON, 'chatiq-icon-close'),
      this.badge,
    );

    this.closeButton = el(
      'button',
      { type: 'button', class: 'chatiq-icon-button chatiq-close', 'aria-label': strings.closeChat },
      icon(CLOSE_ICON),
    );
    this.transcriptButton = el(
      'button',
      {
        type: 'button',
        class: 'chatiq-icon-button chatiq-transcript-button',
        'aria-label': strings.transcriptAction,
        title: strings.transcriptAction,
        'aria-expanded': 'false',
        'aria-controls': 'chatiq-transcript',
        hidden: true,
      },
      icon(MAIL_ICON),
    );
    this.transcript = new TranscriptForm(strings, (email) => handlers.transcript(email));
    this.titleElement = el('h2', { class: 'chatiq-title' }, title);
    this.presence = el('div', { class: 'chatiq-presence', role: 'status', hidden: true });
    this.banner = el('div', { class: 'chatiq-banner', role: 'status', hidden: true });

    this.greeting = el('p', { class: 'chatiq-greeting' }, strings.greeting);
    this.welcomeText = el('div', { class: 'chatiq-msg-text' });
    // A bubble like a message's, but not a `.chatiq-msg`: it is not one of the chat's messages.
    this.welcome = el('div', { class: 'chatiq-welcome', hidden: true }, this.welcomeText);
    this.offHours = new OffHoursCard(strings, (input) => handlers.leaveMessage(input));
    this.intro = el('div', { class: 'chatiq-intro' }, this.greeting, this.welcome);
    this.streamBox = el('div', { class: 'chatiq-streams' });
    this.messageList = el(
      'div',
      { class: 'chatiq-messages', role: 'log', 'aria-live': 'polite', tabindex: '0' },
      this.intro,
      this.offHours.element,
      this.streamBox,
    );

    this.input = el('textarea', {
      class: 'chatiq-input',
      rows: '1',
      maxlength: String(MAX_MESSAGE_LENGTH),
      'aria-label': strings.messageLabel,
      placeholder: strings.placeholder,
    });
    this.fileInput = el('input', { type: 'file', accept: ATTACHMENT_ACCEPT, multiple: true, hidden: true, tabindex: '-1' });
    this.attachButton = el(
      'button',
      { type: 'button', class: 'chatiq-icon-button chatiq-attach', 'aria-label': strings.attachFile, title: strings.attachFile },
      icon(ATTACH_ICON),
    );
    this.sendButton = el('button', { type: 'submit', class: 'chatiq-send', 'aria-label': strings.send }, icon(SEND_ICON));
    const composer = el('form', { class: 'chatiq-composer' }, this.attachButton, this.fileInput, this.input, this.sendButton);
    this.typingLine = el('p', { class: 'chatiq-typing', hidden: true });
    this.handoffLine = el('p', { class: 'chatiq-handoff', hidden: true });
    this.closedLine = el('p', { class: 'chatiq-closed', hidden: true }, strings.chatClosed);
    this.status = el('div', { class: 'chatiq-status', role: 'status', hidden: true }, this.typingLine, this.handoffLine, this.closedLine);
    this.dropZone = el('div', { class: 'chatiq-drop', hidden: true }, strings.dropFile);

    this.panel = el(
      'div',
      { id: 'chatiq-panel', class: 'chatiq-panel', role: 'dialog', 'aria-label': title, hidden: true },
      el(
        'div',
        { class: 'chatiq-header' },
        el('div', { class: 'chatiq-heading' }, this.titleElement, this.presence),
        this.transcriptButton,
        this.closeButton,
      ),
      this.transcript.element,
      this.banner,
      this.messageList,
      this.status,
      composer,
      this.dropZone,
    );

    this.root = el(
      'div',
      { class: rootClassName(config.position, config.size), lang: config.language },
      this.panel,
      this.launcher,
      this.unreadDescription,
    );
    applyColor(this.root, config.color);

    this.launcher.addEventListener('click', () => handlers.toggle());
    this.closeButton.addEventListener('click', () => handlers.close());
    this.transcriptButton.addEventListener('click', () => this.toggleTranscript());
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
    this.attachButton.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => {
      const files = [...(this.fileInput.files ?? [])];
      this.fileInput.value = '';
      if (files.length > 0) handlers.attach(files);
    });
    this.input.addEventListener('paste', (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0 || this.attachButton.disabled) return; // plain text: the browser pastes it
      event.preventDefault();
      handlers.attach(files);
    });
    this.listenForDrops();
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
    const nearBottom = this.isNearBottom();
    const keys = new Set<string>();
    let previous: Element = this.offHours.element;
    let ownMessageAdded = false;
    for (const entry of entries) {
      keys.add(entry.key);
      let shown = this.rendered.get(entry.key);
      if (!shown) {
        shown = { entry, element: createMessageElement(entry, this.strings, this.messageActions()) };
        this.rendered.set(entry.key, shown);
        ownMessageAdded ||= entry.authorKind === 'VISITOR';
      } else if (shown.entry !== entry) {
        updateMessageElement(shown.element, entry, shown.entry, this.strings, this.messageActions());
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

  /** The assistant's answers being streamed, after the messages, in order. */
  renderStreams(streams: readonly StreamView[]): void {
    const nearBottom = this.isNearBottom();
    const ids = new Set(streams.map((stream) => stream.streamId));
    for (const [streamId, element] of this.streams) {
      if (ids.has(streamId)) continue;
      element.remove();
      this.streams.delete(streamId);
    }
    for (const stream of streams) {
      let element = this.streams.get(stream.streamId);
      if (!element) {
        element = createStreamElement(this.strings);
        this.streams.set(stream.streamId, element);
      }
      updateStreamElement(element, stream.text, this.strings);
      this.streamBox.append(element); // keeps the order (append moves an element already there)
    }
    if (nearBottom) this.scrollToBottom();
  }

  /** The site's greeting for a new conversation (`welcome:message`), shown as its first bubble. */
  setWelcome(text: string): void {
    this.welcomeText.textContent = text;
    this.welcome.hidden = false;
    this.greeting.hidden = true;
  }

  /** The site's own greeting line (widget settings), shown until a welcome message arrives. */
  setGreeting(text: string): void {
    this.customGreeting = text;
    this.greeting.textContent = text;
  }

  /** "<name> is typing…" (already worded) under the messages, or nothing. */
  setTyping(text: string | null): void {
    this.typingLine.hidden = text === null;
    this.typingLine.textContent = text ?? '';
    this.updateStatusVisibility();
  }

  /** The small line after the AI handed the chat to people, or nothing. */
  setHandoff(text: string | null): void {
    this.handoffLine.hidden = text === null;
    this.handoffLine.textContent = text ?? '';
    this.updateStatusVisibility();
  }

  /** The "conversation closed, write to start a new one" line. */
  setClosed(closed: boolean): void {
    this.closedLine.hidden = !closed;
    this.updateStatusVisibility();
  }

  /** Online/offline in the header and, while offline, the off-hours card. */
  setBusiness(view: BusinessView): void {
    this.businessView = view;
    this.presence.hidden = view.presence === null;
    this.presence.textContent = view.presence?.label ?? '';
    this.presence.dataset.online = String(view.presence?.online ?? false);
    this.offHours.update(view);
  }

  setLeaveMessageBusy(busy: boolean): void {
    this.offHours.setBusy(busy);
  }

  showLeaveMessageError(error: FormError): void {
    this.offHours.showError(error);
  }

  /** The transcript action appears once there is a conversation to send. */
  setTranscriptAvailable(available: boolean): void {
    this.transcriptButton.hidden = !available;
    if (!available && this.transcript.isOpen) this.toggleTranscript();
  }

  setTranscriptBusy(busy: boolean): void {
    this.transcript.setBusy(busy);
  }

  setTranscriptFeedback(feedback: Feedback | null, invalidEmail = false): void {
    this.transcript.setFeedback(feedback, invalidEmail);
  }

  /** Applies the site owner's new look (`settings:update`) without a reload. */
  applyLook(look: LiveLook): void {
    if (look.color) applyColor(this.root, look.color);
    if (look.position) this.position = look.position;
    if (look.size) this.size = look.size;
    this.root.className = rootClassName(this.position, this.size, !this.panel.hidden);
    if (look.title !== undefined) this.customTitle = look.title || null;
    this.applyTitle();
  }

  /** Switches every visible text to another language. */
  setLanguage(language: WidgetLanguage, strings: WidgetStrings): void {
    this.strings = strings;
    this.root.lang = language;
    this.closeButton.setAttribute('aria-label', strings.closeChat);
    this.launcher.setAttribute('aria-label', this.panel.hidden ? strings.openChat : strings.closeChat);
    for (const name of ['aria-label', 'title']) {
      this.transcriptButton.setAttribute(name, strings.transcriptAction);
      this.attachButton.setAttribute(name, strings.attachFile);
    }
    if (this.customGreeting === null) this.greeting.textContent = strings.greeting;
    this.input.setAttribute('aria-label', strings.messageLabel);
    this.input.placeholder = strings.placeholder;
    this.sendButton.setAttribute('aria-label', strings.send);
    this.closedLine.textContent = strings.chatClosed;
    this.dropZone.textContent = strings.dropFile;
    this.offHours.setStrings(strings);
    this.transcript.setStrings(strings);
    this.applyTitle();
    this.setUnread(this.unreadCount);
    for (const shown of this.rendered.values())
      updateMessageElement(shown.element, shown.entry, shown.entry, strings, this.messageActions());
    for (const element of this.streams.values()) updateStreamElement(element, element.textContent ?? '', strings);
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
    this.attachButton.disabled = !enabled;
  }

  /** The last business view shown (the controller re-renders it in another language). */
  get business(): BusinessView | null {
    return this.businessView;
  }

  private messageActions() {
    return { retry: this.handlers.retry, remove: this.handlers.remove, fileUrl: this.fileUrl };
  }

  private toggleTranscript(): void {
    const open = !this.transcript.isOpen;
    this.transcriptButton.setAttribute('aria-expanded', String(open));
    this.transcript.setOpen(open, open ? this.handlers.transcriptOpened() : null);
    if (!open) this.transcriptButton.focus();
  }

  /** Files dragged over the panel: a drop zone over it while they hover, sent when dropped. */
  private listenForDrops(): void {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true && !this.attachButton.disabled;
    const hide = () => {
      depth = 0;
      this.dropZone.hidden = true;
    };
    this.panel.addEventListener('dragenter', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      this.dropZone.hidden = false;
    });
    this.panel.addEventListener('dragover', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    this.panel.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) hide();
    });
    this.panel.addEventListener('drop', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      hide();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) this.handlers.attach(files);
    });
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
    this.status.hidden = this.typingLine.hidden && this.handoffLine.hidden && this.closedLine.hidden;
  }

  private fitInputHeight(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }

  private isNearBottom(): boolean {
    const list = this.messageList;
    return list.scrollHeight - list.scrollTop - list.clientHeight < STICK_TO_BOTTOM_PX;
  }

  private scrollToBottom(): void {
    this.messageList.scrollTop = this.messageList.scrollHeight;
  }
}

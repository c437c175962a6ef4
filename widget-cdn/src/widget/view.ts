import type { MessageDto } from '@chatiq/contracts';
import type { HeaderPresence } from '../chat/business-status.js';
import { dayLabel, layoutEntries, msUntilTomorrow } from '../chat/message-layout.js';
import { type ChatEntry, mergeMessages } from '../chat/message-merge.js';
import type { WidgetConfig, WidgetLanguage, WidgetPosition, WidgetSize } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { adoptStyle } from './adopt-style.js';
import { el } from './dom.js';
import {
  createMessageElement,
  createStreamElement,
  type FileRenderer,
  setGroupStart,
  setTime,
  updateMessageElement,
  updateStreamElement,
} from './message-element.js';
import { applyColor, rootClassName } from './theme.js';
import { buildComposer, buildHeader, buildLauncher, buildMessageList, buildStatusLines, buildTeaser } from './view-parts.js';

export interface ViewHandlers {
  toggle(): void;
  /** The preview bubble was clicked. */
  open(): void;
  close(): void;
  send(text: string): void;
  retry(clientId: string): void;
  /** Drop the visitor's refused message or file from the list. */
  remove(clientId: string): void;
  /** The visitor typed or deleted something in the composer. */
  typing(): void;
  /** Files picked, dropped on the panel or pasted into the composer. */
  attach(files: File[]): void;
  /** The visitor is about to attach a file (the pointer on the button): a hint to load what uploads need. */
  attachSoon(): void;
  /** A message with a file is shown and nothing draws files yet. */
  needFiles(): void;
  /** The header's "Email me this conversation" button. */
  transcript(): void;
  /** The pointer or the focus came to it: a hint to load the transcript form. */
  transcriptSoon(): void;
}

/** What `settings:update` can change live (the language comes with its strings). */
export interface LiveLook {
  color?: string;
  title?: string;
  position?: WidgetPosition;
  size?: WidgetSize;
}

export type Banner = { text: string; tone: 'info' | 'error' };

/** A reply shown in the preview bubble above the closed launcher (author null: no name line). */
export type Teaser = { author: string | null; text: string };

/** A stream of the assistant's answer to show (see AiStreams). */
export type StreamView = { streamId: string; text: string };

/** Closer than this to the bottom of the list, new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 80;
/** What the focus trap moves between (the visible ones). */
const FOCUSABLE = 'button:not(:disabled),a[href],input:not(:disabled):not([type=file]),textarea:not(:disabled),[tabindex="0"]';

/**
 * The widget's DOM inside its shadow root: the launcher button with its unread badge and the
 * chat panel (header with title, availability and the transcript action; status banner; message
 * log with the welcome, the off-hours notice, the messages under their day separators (an
 * operator's run of messages with their name and avatar), the off-hours email prompt and the
 * assistant's streaming answer;
 * status lines; composer with attachments). It only shows what it is told and reports what the
 * visitor does to its handlers. The panel is a dialog that keeps the focus while open (Tab and
 * Shift+Tab cycle through it, Esc closes it). The off-hours notice and prompt, the transcript form
 * and the drawing of files come from lazy chunks: they are handed in when loaded (`offHoursSlot`, `promptSlot`,
 * `showTranscript`, `setFileRenderer`), with their stylesheets (`addStyle`). Its parts are built
 * by view-parts.ts (launcher, header, message list, status lines, composer).
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
  private readonly welcome: HTMLDivElement;
  private readonly welcomeText: HTMLDivElement;
  /** Where the off-hours notice goes (first in the list, after the greeting). */
  readonly offHoursSlot: HTMLDivElement;
  /** Where the off-hours email prompt goes (after the messages). */
  readonly promptSlot: HTMLDivElement;
  /** Where the transcript form goes (under the header). */
  private readonly transcriptSlot: HTMLDivElement;
  /** Where the lazy history chunk puts its "Previous conversations" entry (above the messages). */
  readonly historySlot: HTMLDivElement;
  private readonly streamBox: HTMLDivElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly attachButton: HTMLButtonElement;
  private readonly fileInput: HTMLInputElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly transcriptButton: HTMLButtonElement;
  private readonly titleElement: HTMLHeadingElement;
  private readonly presence: HTMLDivElement;
  private readonly dropZone: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly typingLine: HTMLParagraphElement;
  private readonly handoffLine: HTMLParagraphElement;
  private readonly closedLine: HTMLParagraphElement;
  private readonly teaser: ReturnType<typeof buildTeaser>;
  private readonly styles = new Set<string>();
  private customTitle: string | null;
  private customGreeting: string | null = null;
  /** The welcome bubble's text; null while it shows the translated default greeting. */
  private customWelcome: string | null = null;
  private language: WidgetLanguage;
  private position: WidgetPosition;
  private size: WidgetSize;
  private unreadCount = 0;
  private fileRenderer: FileRenderer | null = null;
  private readonly preview: boolean;
  /** Where operators' avatars are served from (their paths are relative to it). */
  private readonly apiUrl: string;
  private readonly rendered = new Map<string, { entry: ChatEntry; element: HTMLElement; first: boolean }>();
  /** The day separators shown, by day (`dayKey`). */
  private readonly days = new Map<string, HTMLElement>();
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  /** The time labels shown after a pause, by the key of the message they come before. */
  private readonly gaps = new Map<string, HTMLElement>();
  private readonly streams = new Map<string, HTMLElement>();

  constructor(
    private readonly shadow: ShadowRoot,
    config: WidgetConfig,
    private strings: WidgetStrings,
    private readonly handlers: ViewHandlers,
  ) {
    this.customTitle = config.title;
    this.language = config.language;
    this.position = config.position;
    this.size = config.size;
    this.preview = config.preview;
    this.apiUrl = config.apiUrl;

    ({ launcher: this.launcher, badge: this.badge, unreadDescription: this.unreadDescription } = buildLauncher(strings));
    const header = buildHeader(config.title ?? strings.title, strings);
    ({
      titleElement: this.titleElement,
      presence: this.presence,
      transcriptButton: this.transcriptButton,
      closeButton: this.closeButton,
    } = header);
    const list = buildMessageList(strings);
    ({
      messageList: this.messageList,
      greeting: this.greeting,
      welcome: this.welcome,
      welcomeText: this.welcomeText,
      offHoursSlot: this.offHoursSlot,
      promptSlot: this.promptSlot,
      streamBox: this.streamBox,
    } = list);
    const lines = buildStatusLines(strings);
    ({ status: this.status, typingLine: this.typingLine, handoffLine: this.handoffLine, closedLine: this.closedLine } = lines);
    const composer = buildComposer(strings);
    ({ input: this.input, fileInput: this.fileInput, attachButton: this.attachButton, sendButton: this.sendButton } = composer);
    this.transcriptSlot = el('div', { class: 'chatiq-slot' });
    this.historySlot = el('div', { class: 'chatiq-slot' });
    this.banner = el('div', { class: 'chatiq-banner', role: 'status', hidden: true });
    this.dropZone = el('div', { class: 'chatiq-drop', hidden: true }, strings.dropFile);
    this.teaser = buildTeaser(strings);

    this.panel = el(
      'div',
      { id: 'chatiq-panel', class: 'chatiq-panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'chatiq-title', hidden: true },
      header.header,
      this.transcriptSlot,
      this.banner,
      this.historySlot,
      this.messageList,
      this.status,
      composer.composer,
      this.dropZone,
    );
    this.root = el(
      'div',
      { class: rootClassName(config.position, config.size, false, config.preview), lang: config.language },
      this.panel,
      this.teaser.region,
      this.launcher,
      this.unreadDescription,
    );
    applyColor(this.root, config.color);

    this.listenToHeader();
    this.listenToComposer(composer.composer);
    this.listenForDrops();
    this.listenToKeys();
    shadow.append(this.root);
  }

  private listenToHeader(): void {
    const { handlers } = this;
    this.launcher.addEventListener('click', () => handlers.toggle());
    this.closeButton.addEventListener('click', () => handlers.close());
    this.teaser.openButton.addEventListener('click', () => handlers.open());
    this.teaser.closeButton.addEventListener('click', () => {
      const hadFocus = this.shadow.activeElement === this.teaser.closeButton;
      this.setTeaser(null);
      if (hadFocus) this.launcher.focus(); // the focus does not fall to the page
    });
    this.transcriptButton.addEventListener('click', () => handlers.transcript());
    this.transcriptButton.addEventListener('pointerenter', () => handlers.transcriptSoon());
    this.transcriptButton.addEventListener('focus', () => handlers.transcriptSoon());
  }

  /** Enter sends (Shift+Enter: a new line), typing is reported, files come from the picker or a paste. */
  private listenToComposer(composer: HTMLFormElement): void {
    const { handlers } = this;
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
    this.attachButton.addEventListener('pointerenter', () => handlers.attachSoon());
    this.attachButton.addEventListener('focus', () => handlers.attachSoon());
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
  }

  /** Esc closes the panel, Tab stays in it; keys typed into the chat are the visitor's, not the page's shortcuts'. */
  private listenToKeys(): void {
    // Up and Down move the focus from message to message (a focused message shows its time).
    this.messageList.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      const messages = [...this.messageList.querySelectorAll<HTMLElement>('.chatiq-msg[tabindex]')];
      const at = messages.indexOf(this.shadow.activeElement as HTMLElement);
      const next = messages[at < 0 ? (step < 0 ? messages.length - 1 : 0) : at + step];
      if (!next) return;
      event.preventDefault();
      next.focus();
    });
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.handlers.close();
      } else if (event.key === 'Tab') {
        this.trapFocus(event);
      }
    });
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      this.root.addEventListener(type, (event) => event.stopPropagation());
    }
  }

  /** Adds a lazy chunk's stylesheet to the shadow root (once; adopted, see adopt-style.ts). */
  addStyle(css: string): void {
    if (this.styles.has(css)) return;
    this.styles.add(css);
    adoptStyle(this.shadow, css);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  setOpen(open: boolean): void {
    const focusWasInside = this.shadow.activeElement !== null;
    if (open) this.setTeaser(null);
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

  /**
   * Shows the entries in order, reusing the element of every message and day separator already
   * shown: the separators and the authors' runs are worked out anew each time (`layoutEntries`), so
   * history merged in, live messages and resent ones all land under the right day.
   */
  renderMessages(entries: readonly ChatEntry[]): void {
    const nearBottom = this.isNearBottom();
    const keys = new Set<string>();
    const days = new Set<string>();
    let previous: Element = this.offHoursSlot;
    let ownMessageAdded = false;
    const place = (element: HTMLElement) => {
      if (previous.nextElementSibling !== element) previous.after(element);
      previous = element;
    };
    const gaps = new Set<string>();
    for (const { entry, day, first, time } of layoutEntries(entries)) {
      if (day) {
        days.add(day);
        let separator = this.days.get(day);
        if (!separator) {
          separator = el('div', { class: 'chatiq-day', 'data-day': day });
          this.days.set(day, separator);
        }
        place(separator);
      }
      if (time) {
        // Seen, not read: the message's own <time> is what screen readers hear.
        gaps.add(entry.key);
        let label = this.gaps.get(entry.key);
        if (!label) {
          label = el('div', { class: 'chatiq-gap', 'aria-hidden': 'true' }, el('time'));
          this.gaps.set(entry.key, label);
        }
        setTime(label.firstChild as HTMLElement, entry.createdAt, this.language);
        place(label);
      }
      keys.add(entry.key);
      let shown = this.rendered.get(entry.key);
      if (!shown) {
        shown = { entry, element: createMessageElement(entry, this.strings, this.messageActions()), first };
        this.rendered.set(entry.key, shown);
        ownMessageAdded ||= entry.authorKind === 'VISITOR';
      } else if (shown.entry !== entry) {
        updateMessageElement(shown.element, entry, shown.entry, this.strings, this.messageActions());
        shown.entry = entry;
      }
      shown.first = first;
      setGroupStart(shown.element, entry, first, this.strings, this.apiUrl);
      place(shown.element);
      if ((entry.attachment || entry.upload) && !this.fileRenderer) this.handlers.needFiles();
    }
    for (const [key, shown] of this.rendered) {
      if (keys.has(key)) continue;
      shown.element.remove();
      this.rendered.delete(key);
    }
    for (const [day, separator] of this.days) {
      if (days.has(day)) continue;
      separator.remove();
      this.days.delete(day);
    }
    for (const [key, label] of this.gaps) {
      if (gaps.has(key)) continue;
      label.remove();
      this.gaps.delete(key);
    }
    this.labelDays();
    if (nearBottom || ownMessageAdded) this.scrollToBottom();
  }

  /** The attachments chunk arrived: files are drawn from now on (those shown already at once). */
  setFileRenderer(renderer: FileRenderer): void {
    this.fileRenderer = renderer;
    this.redrawMessages();
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

  /**
   * The site's greeting for a new conversation (`welcome:message`), shown as its first bubble;
   * null: the built-in one, in the widget's language.
   */
  setWelcome(text: string | null): void {
    this.customWelcome = text;
    this.welcomeText.textContent = text ?? this.strings.greeting;
    this.welcome.hidden = false;
    this.greeting.hidden = true;
  }

  /** The site's own greeting line (widget settings; null: the translated default), shown until a welcome message arrives. */
  setGreeting(text: string | null): void {
    this.customGreeting = text;
    this.greeting.textContent = text ?? this.strings.greeting;
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

  /** Online, away or offline in the header (the off-hours notice and prompt are the controller's, in their slots). */
  setPresence(presence: HeaderPresence | null): void {
    this.presence.hidden = presence === null;
    this.presence.textContent = presence?.label ?? '';
    this.presence.dataset.state = presence?.state ?? 'offline';
  }

  /** The transcript action appears once there is a conversation to send. */
  setTranscriptAvailable(available: boolean): void {
    this.transcriptButton.hidden = !available;
  }

  /** Shows (with the focus in it) or hides the transcript form, in its place under the header. */
  showTranscript(form: HTMLElement, open: boolean): void {
    if (!form.isConnected) this.transcriptSlot.append(form);
    form.hidden = !open;
    this.transcriptButton.setAttribute('aria-expanded', String(open));
    if (!open) this.transcriptButton.focus();
  }

  /**
   * Shows a screen in place of the conversation (the past conversations: the messages, the status
   * lines and the composer make way for it while `open`; its stylesheet says so).
   */
  showScreen(screen: HTMLElement, open: boolean): void {
    if (!screen.isConnected) this.messageList.before(screen);
    screen.hidden = !open;
    this.panel.classList.toggle('chatiq-screen-open', open);
    if (!open) this.scrollToBottom();
  }

  /**
   * Draws stored messages read only into `container` (a past conversation): under their days, in
   * their authors' runs, a file as `renderFile` draws it (the past-conversations chunk's: by its
   * name; the chunk keeps its own text, so the chat's file stays Latin-1).
   */
  drawReadOnly(container: HTMLElement, messages: readonly MessageDto[], renderFile: (box: HTMLElement, entry: ChatEntry) => void): void {
    const now = new Date();
    const actions = { retry() {}, remove() {}, renderFile, language: this.language };
    container.replaceChildren(
      ...layoutEntries(mergeMessages([], messages)).flatMap(({ entry, day, first }) => {
        const message = createMessageElement(entry, this.strings, actions);
        setGroupStart(message, entry, first, this.strings, this.apiUrl);
        return day ? [el('div', { class: 'chatiq-day' }, dayLabel(day, now, this.language, this.strings)), message] : [message];
      }),
    );
  }

  /** Applies the site owner's new look (`settings:update`) without a reload. */
  applyLook(look: LiveLook): void {
    if (look.color) applyColor(this.root, look.color);
    if (look.position) this.position = look.position;
    if (look.size) this.size = look.size;
    this.root.className = rootClassName(this.position, this.size, !this.panel.hidden, this.preview);
    if (look.title !== undefined) this.customTitle = look.title || null;
    this.applyTitle();
  }

  /** Switches every visible text to another language. */
  setLanguage(language: WidgetLanguage, strings: WidgetStrings): void {
    this.strings = strings;
    this.language = language;
    this.root.lang = language;
    this.closeButton.setAttribute('aria-label', strings.closeChat);
    for (const name of ['aria-label', 'title']) this.teaser.closeButton.setAttribute(name, strings.hidePreview);
    this.launcher.setAttribute('aria-label', this.panel.hidden ? strings.openChat : strings.closeChat);
    for (const name of ['aria-label', 'title']) {
      this.transcriptButton.setAttribute(name, strings.transcriptAction);
      this.attachButton.setAttribute(name, strings.attachFile);
    }
    this.greeting.textContent = this.customGreeting ?? strings.greeting;
    this.welcomeText.textContent = this.customWelcome ?? strings.greeting;
    this.input.setAttribute('aria-label', strings.messageLabel);
    this.input.placeholder = strings.placeholder;
    this.sendButton.setAttribute('aria-label', strings.send);
    this.closedLine.textContent = strings.chatClosed;
    this.dropZone.textContent = strings.dropFile;
    this.applyTitle();
    this.setUnread(this.unreadCount);
    this.redrawMessages(true);
    for (const [key, label] of this.gaps) {
      const shown = this.rendered.get(key);
      if (shown) setTime(label.firstChild as HTMLElement, shown.entry.createdAt, language);
    }
    this.labelDays();
    for (const element of this.streams.values()) updateStreamElement(element, element.textContent ?? '', strings);
  }

  setBanner(banner: Banner | null): void {
    this.banner.hidden = banner === null;
    this.banner.textContent = banner?.text ?? '';
    if (banner) this.banner.dataset.tone = banner.tone;
  }

  /** Shows a reply in the preview bubble above the launcher (only while the panel is closed), or hides it (null). */
  setTeaser(teaser: Teaser | null): void {
    const shown = teaser !== null && !this.isOpen;
    this.teaser.teaser.hidden = !shown;
    this.teaser.author.hidden = !teaser?.author;
    this.teaser.author.textContent = shown ? (teaser.author ?? '') : '';
    this.teaser.text.textContent = shown ? teaser.text : '';
  }

  setUnread(count: number): void {
    this.unreadCount = count;
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 99 ? '99+' : String(count);
    this.unreadDescription.textContent = count === 0 ? '' : this.strings.unread(count);
  }

  /** The focus back in the composer (after a prompt in the conversation was answered). */
  focusComposer(): void {
    this.input.focus();
  }

  /** Off when the server refused the widget for good: nothing could be sent. */
  setComposerEnabled(enabled: boolean): void {
    this.input.disabled = !enabled;
    this.sendButton.disabled = !enabled;
    this.attachButton.disabled = !enabled;
  }

  /** Draws every message again: in full (a file renderer arrived), or only what the language changes. */
  private redrawMessages(relabelOnly = false): void {
    for (const shown of this.rendered.values()) {
      updateMessageElement(shown.element, shown.entry, relabelOnly ? shown.entry : undefined, this.strings, this.messageActions());
      setGroupStart(shown.element, shown.entry, shown.first, this.strings, this.apiUrl);
    }
  }

  /** The day separators' texts, relative to today ("Today", "Yesterday", a date): again after midnight. */
  private labelDays(): void {
    const now = new Date();
    for (const [day, separator] of this.days) {
      const label = dayLabel(day, now, this.language, this.strings);
      if (separator.textContent !== label) separator.textContent = label;
    }
    clearTimeout(this.dayTimer);
    if (this.days.size > 0) this.dayTimer = setTimeout(() => this.labelDays(), msUntilTomorrow(now) + 1_000);
  }

  private messageActions() {
    return { retry: this.handlers.retry, remove: this.handlers.remove, renderFile: this.fileRenderer, language: this.language };
  }

  /** Tab from the last focusable element of the open panel goes to the first, Shift+Tab from the first to the last. */
  private trapFocus(event: KeyboardEvent): void {
    const focusable = [...this.panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = this.shadow.activeElement;
    if (event.shiftKey ? active === first || !this.panel.contains(active) : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
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
      this.handlers.attachSoon();
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
    this.titleElement.textContent = this.customTitle ?? this.strings.title;
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

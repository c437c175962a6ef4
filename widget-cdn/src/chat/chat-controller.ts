import type { MessageDto } from '@chatiq/contracts';
import { MAX_ATTACHMENT_BYTES } from '@chatiq/contracts/protocol';
import { BUILT_IN_WELCOME, type LiveSettings, toLanguage, toLiveSettings, type WidgetConfig, type WidgetLanguage } from '../config.js';
import type { SdkEvent, SdkMessage } from '../embed/chat-module.js';
import { trackPageChanges } from '../embed/page-tracker.js';
import { loadStrings, type WidgetStrings } from '../i18n.js';
import { newClientId } from '../transport/client-id.js';
import { type ConnectionState, type ServerEvents, WidgetConnection } from '../transport/socket.js';
import type { UploadFailure } from '../transport/upload.js';
import { browserVisitorIdStore } from '../transport/visitor-id-store.js';
import { HOST_ID } from '../widget/host.js';
import { type Teaser, WidgetView } from '../widget/view.js';
import { visibleStreams } from './ai-stream.js';
import { bannerFor } from './banner.js';
import { businessView, handoffLine, headerPresence } from './business-status.js';
import type { ChatHost } from './chat-host.js';
import {
  type ChatAction,
  type ChatState,
  chatReducer,
  initialChatState,
  isCurrentChat,
  liveMessages,
  newReplies,
  readToSend,
  unsentMessages,
  visitorWrote,
} from './chat-state.js';
import { lazy, loadAttachments, loadHistory, loadOffHours, loadTranscript } from './features.js';
import type { HistoryController } from './history-controller.js';
import { IdentitySender } from './identity-sender.js';
import { resumePoint } from './message-merge.js';
import type { OffHoursController } from './offhours-controller.js';
import { showsClosedNotice } from './receipts.js';
import { fetchSiteSettings, GONE_CODES } from './site-settings.js';
import type { TranscriptController } from './transcript-controller.js';
import { RemoteTyping, TypingSender } from './typing.js';
import type { UploadsController } from './uploads-controller.js';

/** How long a notice about one message (not sent, too many messages) stays up. */
const NOTICE_MS = 6_000;
/** The assistant's "is typing…" goes away after this long without a piece of its answer. */
const AI_TYPING_TIMEOUT_MS = 60_000;
/** The name a pasted image gets when the clipboard gives none. */
const PASTED_FILE_NAME = 'pasted-image.png';
/** Longest wait for the site's settings before the first join goes anyway. */
const SETTINGS_WAIT_MS = 3_000;

/**
 * The widget's wiring: what the connection, the view and the page report becomes an action on the
 * chat state (chat-state.ts, pure), and what an action changed is drawn (`render`). It also opens
 * and closes the panel, starts the connection the first time the visitor opens the chat (nothing
 * is sent or stored before that), applies the site's settings and language, turns the
 * connection's state into banners, and carries out the page's SDK calls (`chtq.setUser`,
 * `setLocale`) and events (`open`, `close`, `message`). Uploads, the off-hours notice and email prompt, and the
 * transcript form are feature controllers in lazy chunks (features.ts), lent a `ChatHost`. A site
 * or page the server refuses for good (unknown id, origin not allowed) gets no widget at all: it
 * removes itself after one console warning.
 */
export class ChatController {
  private readonly view: WidgetView;
  private readonly connection: WidgetConnection;
  private state: ChatState;
  private connectionState: ConnectionState | null = null;
  private notice: string | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typingSender: TypingSender;
  private readonly remoteTyping: RemoteTyping;
  private aiTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly host: ChatHost;
  private readonly uploads: () => Promise<UploadsController>;
  private readonly offHours: () => Promise<OffHoursController>;
  private readonly transcript: () => Promise<TranscriptController>;
  private readonly history: () => Promise<HistoryController>;
  /** The past conversations were loaded (the visitor has some): they follow the language from then on. */
  private historyShown = false;
  /** The off-hours chunk was asked for once: it follows every business status from then on. */
  private offHoursShown = false;
  private transcriptShown = false;
  /** The owner set the site's welcome text (else the built-in one is shown translated). */
  private welcomeSet = false;
  private readonly identity: IdentitySender;
  private started = false;
  private gone = false;
  private tracksPages = false;

  constructor(
    shadow: ShadowRoot,
    private readonly config: WidgetConfig,
    private strings: WidgetStrings,
    private readonly emit: (event: SdkEvent, payload?: unknown) => void,
  ) {
    // In the preview, the settings it is sent decide everything (its `language` is only a start).
    this.state = initialChatState(config.language, config.embedded.includes('language') && !config.preview);
    this.view = new WidgetView(shadow, config, strings, {
      toggle: () => this.toggle(),
      open: () => this.open(),
      close: () => this.close(),
      send: (text) => this.send(text),
      retry: (clientId) => this.retry(clientId),
      remove: (clientId) => this.remove(clientId),
      typing: () => this.typingSender.input(),
      attach: (files) => this.attach(files),
      attachSoon: () => void loadAttachments().catch(() => {}),
      needFiles: () => void this.uploads().catch(() => {}),
      transcript: () => void this.toggleTranscript(),
      transcriptSoon: () => void loadTranscript().catch(() => {}),
    });
    this.typingSender = new TypingSender((typing) => this.connection.typing(typing));
    this.remoteTyping = new RemoteTyping((name) => this.dispatch({ type: 'operatorTyping', name }));
    this.connection = new WidgetConnection({
      apiUrl: config.apiUrl,
      siteId: config.siteId,
      locale: () => this.joinLocale(),
      visitorIds: browserVisitorIdStore(),
      lastSeen: () => ({ chatId: this.state.chatId, seq: resumePoint(this.state.entries, this.state.chatId) }),
      page: () => ({ url: location.href, title: document.title }),
      unsent: () => unsentMessages(this.state),
      // Once the server took the site and the page (no request that could only be refused before),
      // the site's settings; the first join waits for them a little (it tells the server the language).
      beforeFirstJoin: () => Promise.race([this.loadSiteSettings(), new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]),
      events: {
        state: (state) => this.onConnectionState(state),
        joined: (result, first) => {
          // The connection then sends `unsent` again: what waited, and what was refused for a reason that may pass.
          this.dispatch({ type: 'joined', chatId: result.chatId, messages: result.messages, first, emailKnown: result.emailKnown });
          if (first) void this.checkHistory();
          this.trackPages();
          void this.identity.send();
        },
        messages: (messages) => this.dispatch({ type: 'stored', messages, live: false }),
        sendFailed: (clientId, code) => {
          this.dispatch({ type: 'sendFailed', clientId, code });
          this.showNotice(code === 'rate_limited' ? this.strings.rateLimited : this.strings.sendFailed);
        },
        event: (name, payload) => this.onServerEvent(name, payload),
      },
    });
    this.identity = new IdentitySender(this.connection);
    this.host = {
      config,
      view: this.view,
      connection: this.connection,
      files: new Map(),
      state: () => this.state,
      strings: () => this.strings,
      dispatch: (action) => this.dispatch(action),
      stored: (messages) => this.dispatch({ type: 'stored', messages, live: false }),
      send: (text) => this.send(text),
      uploadFailed: (clientId, reason, retryable, maxBytes) => this.uploadFailed(clientId, reason, retryable, maxBytes),
    };
    this.uploads = lazy(() => loadAttachments().then((chunk) => chunk.startAttachments(this.host)));
    this.offHours = lazy(() => loadOffHours().then((chunk) => chunk.startOffHours(this.host)));
    this.transcript = lazy(() => loadTranscript().then((chunk) => chunk.startTranscript(this.host)));
    this.history = lazy(() => loadHistory().then((chunk) => chunk.startHistory(this.host)));
    document.addEventListener('visibilitychange', () => this.dispatch({ type: 'reading', reading: this.isReading() }));
  }

  open(): void {
    if (this.gone) return;
    const wasOpen = this.view.isOpen;
    this.view.setOpen(true);
    this.dispatch({ type: 'reading', reading: this.isReading(), opened: true });
    this.start();
    if (!wasOpen) this.emit('open');
  }

  close(): void {
    if (!this.view.isOpen) return;
    this.view.setOpen(false);
    this.dispatch({ type: 'reading', reading: false });
    this.emit('close');
  }

  toggle(): void {
    if (this.view.isOpen) this.close();
    else this.open();
  }

  /** `chtq.setUser(...)`: checked here, sent as `visitor:identify` once connected (it never connects by itself). */
  setUser(user: unknown): void {
    this.identity.setUser(user);
  }

  /** `chtq.setLocale('uk' | 'en')`: every string switches at once, and stays so whatever the site's settings say. */
  setLocale(value: unknown): void {
    const language = toLanguage(value);
    if (!language) {
      console.warn(`[ChatIQ] setLocale: ${JSON.stringify(value)} is not a supported language (uk, en); ignored.`);
      return;
    }
    void this.switchLanguage(language, true);
  }

  // ---- the state and its drawing -------------------------------------------------------------

  /** Applies an action, draws what it changed, and tells the page and the server what follows from it. */
  private dispatch(action: ChatAction): void {
    const before = this.state;
    const replies = newReplies(before, liveMessages(action));
    const after = chatReducer(before, action);
    this.state = after;
    if (after !== before) this.render(before, after);
    // Timers live here, not in the state: an operator's "is typing…" ended by the state (their reply,
    // the chat resolved) ends its timeout too; the assistant's "is typing…" ends by itself after a while.
    if (after.operatorTyping === null && before.operatorTyping !== null) this.remoteTyping.clear();
    if (!after.aiTyping) clearTimeout(this.aiTypingTimer);
    else if (action.type === 'aiTyping' && isCurrentChat(before, action.chatId)) {
      clearTimeout(this.aiTypingTimer);
      this.aiTypingTimer = setTimeout(() => this.dispatch({ type: 'aiTypingOver' }), AI_TYPING_TIMEOUT_MS);
    }
    for (const message of replies) this.emit('message', sdkMessage(message));
    const newest = replies[replies.length - 1];
    if (newest && !this.view.isOpen) this.view.setTeaser(this.teaserOf(newest));
    this.markRead();
  }

  private render(before: ChatState, after: ChatState): void {
    const { view } = this;
    if (after.entries !== before.entries) view.renderMessages(after.entries);
    if (after.streams !== before.streams) {
      view.renderStreams(visibleStreams(after.streams).map((stream) => ({ streamId: stream.streamId, text: stream.text })));
    }
    if (after.unread !== before.unread) view.setUnread(after.unread);
    if (after.chatId !== before.chatId || after.closedChatId !== before.closedChatId) {
      view.setClosed(showsClosedNotice(after.closedChatId, after.chatId));
      view.setTranscriptAvailable(after.chatId !== null);
    }
    // The conversation before became a past one (a new chat after a resolved one).
    if (after.chatId !== before.chatId && before.chatId !== null) void this.checkHistory();
    if (after.operatorTyping !== before.operatorTyping || after.aiTyping !== before.aiTyping) this.renderTyping();
    if (
      after.business !== before.business ||
      after.staffed !== before.staffed ||
      after.aiState !== before.aiState ||
      after.leftEmail !== before.leftEmail ||
      after.emailKnown !== before.emailKnown ||
      after.emailSkipped !== before.emailSkipped ||
      (after.entries !== before.entries && visitorWrote(after) !== visitorWrote(before))
    ) {
      this.renderBusiness();
    }
  }

  private renderTyping(): void {
    const { strings, state } = this;
    const name = state.operatorTyping ?? (state.aiTyping ? strings.assistant : null);
    this.view.setTyping(name === null ? null : strings.typing(name));
  }

  /**
   * Availability in the header, the handoff line, and off hours the notice and the email prompt
   * (a chunk loaded the first time the team is offline).
   */
  private renderBusiness(): void {
    const { state, strings } = this;
    const business = this.businessView();
    this.renderPresence();
    this.view.setHandoff(handoffLine(state.aiState, state.business, strings, state.staffed));
    if (business.offHoursText === null && !this.offHoursShown) return;
    this.offHoursShown = true;
    this.offHours().then(
      (offHours) => offHours.update(this.businessView()),
      () => (this.offHoursShown = false), // tried again at the next status
    );
  }

  /** The header's availability: offline whenever the connection is down (the preview has none). */
  private renderPresence(): void {
    const connected = this.connectionState === null || this.connectionState.kind === 'online';
    this.view.setPresence(headerPresence(this.state.business, this.state.staffed, connected, this.strings));
  }

  private businessView() {
    const { state } = this;
    const email = { known: state.emailKnown, left: state.leftEmail, skipped: state.emailSkipped, wrote: visitorWrote(state) };
    return businessView(state.business, email, this.strings);
  }

  private renderBanner(): void {
    this.view.setBanner(bannerFor(this.connectionState, this.notice, this.strings));
  }

  /** A reply as the preview bubble shows it: who wrote it (an operator's name, the assistant) and its text or file name. */
  private teaserOf(message: MessageDto): Teaser {
    const { strings } = this;
    const author =
      message.authorKind === 'AI' ? strings.assistant : message.authorKind === 'OPERATOR' ? message.authorName || strings.operator : null;
    return { author, text: message.text.trim() || message.attachment?.name || '' };
  }

  /** The panel is open in a visible tab: what arrives is read. */
  private isReading(): boolean {
    return this.view.isOpen && document.visibilityState === 'visible';
  }

  /** Tells the server (and so the operators) the visitor has seen their chat up to its newest message. */
  private markRead(): void {
    const read = readToSend(this.state);
    if (!read || !this.connection.isJoined) return;
    this.dispatch({ type: 'readSent', ...read });
    this.connection.read(read.seq);
  }

  // ---- the visitor's messages and files ------------------------------------------------------

  private send(text: string): void {
    const clientId = newClientId();
    this.typingSender.stop();
    this.dispatch({ type: 'written', clientId, text, at: new Date().toISOString() });
    this.connection.send(clientId, text);
  }

  private retry(clientId: string): void {
    const file = this.host.files.get(clientId);
    if (file) {
      this.upload(clientId, file);
      return;
    }
    const failed = this.state.entries.find((entry) => entry.id === null && entry.clientId === clientId && entry.status === 'failed');
    if (!failed) return;
    this.dispatch({ type: 'resent', clientId });
    this.connection.send(clientId, failed.text);
  }

  /** Drops the visitor's refused message or file from the list. */
  private remove(clientId: string): void {
    this.host.files.delete(clientId);
    this.dispatch({ type: 'removed', clientId });
  }

  /** The visitor's files (picked, dropped or pasted): each shown at once, then uploaded (the lazy attachments chunk). */
  private attach(files: File[]): void {
    for (const file of files) {
      const clientId = newClientId();
      this.host.files.set(clientId, file);
      this.dispatch({ type: 'fileAdded', clientId, name: fileName(file), size: file.size, at: new Date().toISOString() });
      this.upload(clientId, file);
    }
  }

  private upload(clientId: string, file: File): void {
    const name = fileName(file);
    this.dispatch({ type: 'uploading', clientId, name, size: file.size, progress: 0 });
    this.start();
    this.uploads().then(
      (uploads) => uploads.upload(clientId, file, name),
      () => this.uploadFailed(clientId, 'uploadFailed', true),
    );
  }

  private uploadFailed(clientId: string, reason: UploadFailure['reason'], retryable: boolean, maxBytes = MAX_ATTACHMENT_BYTES): void {
    if (!retryable) this.host.files.delete(clientId);
    const strings = this.strings;
    const error = reason === 'fileTooLarge' ? strings.fileTooLarge(strings.size(maxBytes)) : strings[reason];
    this.dispatch({ type: 'uploadFailed', clientId, error, retryable });
  }

  /** The header's mail button: opens or closes "Email me this conversation" (loaded the first time). */
  private async toggleTranscript(): Promise<void> {
    const transcript = await this.transcript().catch(() => null);
    this.transcriptShown ||= transcript !== null;
    transcript?.toggle();
  }

  /**
   * Whether the visitor has conversations besides the current one (`visitor:history`, once joined
   * and when the current one changes): only then the history chunk is loaded, with its entry.
   */
  private async checkHistory(): Promise<void> {
    const ack = await this.connection.history();
    if (!ack.ok || (!this.historyShown && !ack.data.chats.some((chat) => chat.id !== this.state.chatId))) return;
    const history = await this.history().catch(() => null);
    this.historyShown ||= history !== null;
    history?.update(ack.data.chats);
  }

  // ---- server events -------------------------------------------------------------------------

  private onServerEvent<E extends keyof ServerEvents>(name: E, payload: ServerEvents[E]): void {
    const handlers: { [K in keyof ServerEvents]?: (payload: ServerEvents[K]) => void } = {
      'admin:message': (message) => this.dispatch({ type: 'stored', messages: [message], live: true }),
      // The visitor's own message, written in another tab: merged by id like any stored message.
      'visitor:message': (message) => this.dispatch({ type: 'stored', messages: [message], live: true }),
      // The server greets with the settings' welcome text when the site has no welcome message: the
      // built-in one (the owner set none) is the widget's own greeting, in the visitor's language.
      'welcome:message': ({ text }) => this.view.setWelcome(text.trim() === BUILT_IN_WELCOME && !this.welcomeSet ? null : text),
      'admin:typing': (typing) => {
        if (isCurrentChat(this.state, typing.chatId)) this.remoteTyping.update(typing.typing, typing.name || this.strings.operator);
      },
      'message:read': (receipt) => this.dispatch({ type: 'receipt', receipt }),
      'chat:status': (status) => this.dispatch({ type: 'chatStatus', status }),
      'settings:update': (settings) => void this.applySettings(settings),
      'business:status': (status) => this.dispatch({ type: 'business', status }),
      'team:presence': ({ staffed }) => this.dispatch({ type: 'staffed', staffed }),
      'ai:typing': ({ chatId }) => this.dispatch({ type: 'aiTyping', chatId }),
      'ai:delta': (delta) => this.dispatch({ type: 'aiDelta', delta }),
      'ai:done': (done) => this.dispatch({ type: 'aiDone', done }),
      'ai:aborted': (aborted) => this.dispatch({ type: 'aiAborted', aborted }),
      'ai:handoff': (handoff) => this.dispatch({ type: 'aiHandoff', handoff }),
      'server:error': (error) => console.warn(`[ChatIQ] ${error.code}: ${error.message}`),
    };
    (handlers[name] as ((payload: ServerEvents[E]) => void) | undefined)?.(payload);
  }

  // ---- language and the site's settings ------------------------------------------------------

  /** The site's look, read once connected, applied like a `settings:update`. */
  private async loadSiteSettings(): Promise<void> {
    const answer = await fetchSiteSettings(this.config.apiUrl, this.config.siteId);
    if (answer.ok) await this.applySettings(answer.settings);
    else if (answer.gone) this.goAway(answer.gone.code, answer.gone.message);
  }

  /**
   * The site's widget settings (GET at the first open, `settings:update` when the owner changes
   * them, the preview's messages): each field the embed did not set itself is applied; the
   * language only while neither the embed nor `setLocale` chose one. What the owner did not set
   * (`toLiveSettings`) is the widget's own: a translated title and greeting, the visitor's
   * browser language. So: the embed's language, else the site's chosen one, else the browser's.
   * Gives the settings as applied (checked, the built-in title and greeting as '').
   */
  async applySettings(payload: unknown): Promise<LiveSettings> {
    const settings = toLiveSettings(payload);
    const look = { ...settings };
    if (!this.config.preview) for (const field of this.config.embedded) delete look[field];
    this.view.applyLook(look);
    if (settings.welcomeMessage !== undefined) {
      this.welcomeSet = settings.welcomeMessage !== '';
      this.view.setGreeting(settings.welcomeMessage || null);
    }
    if (!this.state.languageFixed && settings.language) {
      // The preview shows the language the admin panel sends, whoever set it.
      await this.switchLanguage(settings.languageSet || this.config.preview ? settings.language : this.browserLanguage(), false);
    }
    return settings;
  }

  /** The built-in language is no choice: the visitor's browser decides (uk or en). */
  private browserLanguage(): WidgetLanguage {
    return toLanguage(navigator.language) ?? 'en';
  }

  /** `fixed`: the page chose it (`setLocale`), so the site's settings no longer change it. */
  private async switchLanguage(language: WidgetLanguage, fixed: boolean): Promise<void> {
    const changed = language !== this.state.language;
    this.dispatch({ type: 'language', language, fixed });
    if (!changed) return;
    const strings = await loadStrings(language).catch(() => null);
    if (!strings || this.state.language !== language) return; // a later switch won
    this.strings = strings;
    this.onLanguage?.(language, strings);
    this.view.setLanguage(language, strings);
    this.renderBanner();
    this.renderTyping();
    this.renderBusiness();
    if (this.transcriptShown) void this.transcript().then((transcript) => transcript.setStrings(strings), noop);
    if (this.offHoursShown) void this.offHours().then((offHours) => offHours.setStrings(strings), noop);
    if (this.historyShown) void this.history().then((history) => history.setStrings(strings, language), noop);
  }

  /** The locale the join reports (the server greets by it): the browser's, unless the widget speaks another language. */
  private joinLocale(): string {
    const language = this.state.language;
    const browser = navigator.language || language;
    return toLanguage(browser) === language ? browser : language;
  }

  // ---- the admin panel's preview (preview/preview.ts) ----------------------------------------

  /** Called after every switch of language (the preview translates its sample conversation). */
  onLanguage: ((language: WidgetLanguage, strings: WidgetStrings) => void) | null = null;

  get currentLanguage(): WidgetLanguage {
    return this.state.language;
  }

  /** The preview's sample conversation (there is no connection): the welcome bubble, the messages, "Online". */
  showSample(welcome: string | null, messages: MessageDto[]): void {
    this.view.setWelcome(welcome);
    this.dispatch({ type: 'sample', messages });
  }

  // ---- pages, connection ---------------------------------------------------------------------

  /** The first open: connect (the site's settings are read once connected). */
  private start(): void {
    if (this.started || this.config.preview) return; // the preview never connects
    this.started = true;
    this.connection.start();
  }

  /** Once joined, reports the page's URL changes (single-page apps included) to the operators. */
  private trackPages(): void {
    if (this.tracksPages) return;
    this.tracksPages = true;
    trackPageChanges(window, (page) => this.connection.page(page));
  }

  private onConnectionState(state: ConnectionState): void {
    if (state.kind === 'refused' && GONE_CODES.includes(state.code)) {
      this.goAway(state.code, state.message);
      return;
    }
    this.connectionState = state;
    this.view.setComposerEnabled(state.kind !== 'refused');
    this.renderBanner();
    this.renderPresence();
  }

  /** This page may not have the chat (unknown site id, origin not allowed): no widget, one warning. */
  private goAway(code: string, message: string): void {
    if (this.gone) return;
    this.gone = true;
    this.connection.stop();
    console.warn(`[ChatIQ] The chat server refused this widget (${code}): ${message}. The chat is not shown.`);
    document.getElementById(HOST_ID)?.remove();
    if (this.view.isOpen) this.emit('close');
  }

  private showNotice(text: string): void {
    clearTimeout(this.noticeTimer);
    this.notice = text;
    this.renderBanner();
    this.noticeTimer = setTimeout(() => {
      this.notice = null;
      this.renderBanner();
    }, NOTICE_MS);
  }
}

function noop(): void {}

function fileName(file: File): string {
  return file.name.trim() || PASTED_FILE_NAME;
}

/** The `message` event's payload (documented in README.md): a copy, so a listener cannot change the widget's. */
function sdkMessage(message: MessageDto): SdkMessage {
  return {
    id: message.id,
    chatId: message.chatId,
    author: message.authorKind === 'AI' ? 'ai' : message.authorKind === 'OPERATOR' ? 'operator' : 'system',
    authorName: message.authorKind === 'OPERATOR' ? message.authorName : null,
    text: message.text,
    createdAt: message.createdAt,
    attachment: message.attachment ? { name: message.attachment.name, type: message.attachment.type, size: message.attachment.size } : null,
  };
}

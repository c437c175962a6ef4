import type {
  AiAbortedPayload,
  AiChatState,
  AiDeltaPayload,
  AiDonePayload,
  AiHandoffPayload,
  AiTypingPayload,
  BusinessStatusPayload,
  ChatStatusPayload,
  ErrorCode,
  MessageDto,
  ReadEventPayload,
  TypingEventPayload,
  VisitorIdentifyPayload,
} from '@chatiq/contracts';
import { BUILT_IN_WELCOME, type LiveSettings, toLanguage, toLiveSettings, type WidgetConfig, type WidgetLanguage } from '../config.js';
import type { SdkEvent, SdkMessage } from '../embed/chat-module.js';
import { trackPageChanges } from '../embed/page-tracker.js';
import { loadStrings, type WidgetStrings } from '../i18n.js';
import { newClientId } from '../transport/client-id.js';
import { type ConnectionState, type ServerEvents, WidgetConnection } from '../transport/socket.js';
import { browserVisitorIdStore } from '../transport/visitor-id-store.js';
import { HOST_ID } from '../widget/host.js';
import type { OffHoursCard } from '../widget/offhours-card.js';
import type { TranscriptForm } from '../widget/transcript-form.js';
import { type Banner, WidgetView } from '../widget/view.js';
import { AiStreams } from './ai-stream.js';
import { businessView, handoffLine } from './business-status.js';
import { loadAttachments, loadOffHours, loadTranscript } from './features.js';
import { toIdentity } from './identity.js';
import {
  type ChatEntry,
  markFailed,
  mergeMessages,
  pendingEntry,
  pendingUploadEntry,
  resumePoint,
  updatePending,
} from './message-merge.js';
import { applyReadReceipts, closedChatAfter, newestSeq, recordReceipt, showsClosedNotice } from './receipts.js';
import { RemoteTyping, TypingSender } from './typing.js';

/** How long a notice about one message (not sent, too many messages) stays up. */
const NOTICE_MS = 6_000;
/** The assistant's "is typing…" goes away after this long without a piece of its answer. */
const AI_TYPING_TIMEOUT_MS = 60_000;
/** The name a pasted image gets when the clipboard gives none. */
const PASTED_FILE_NAME = 'pasted-image.png';
/** Longest wait for the site's settings before the first join goes anyway. */
const SETTINGS_WAIT_MS = 3_000;
/** Refusals that mean this page may not have the chat at all: the widget removes itself. */
const GONE_CODES = ['origin_not_allowed', 'site_not_found'];

/**
 * The widget's behaviour: opens and closes the panel, starts the connection the first time the
 * visitor opens the chat (nothing is sent or stored before that), loads the site's settings then,
 * keeps the message list and the unread count, assembles the assistant's streamed answers,
 * follows business hours, uploads attachments, turns the connection's state into banners, and
 * carries out the page's SDK calls (`chtq.setUser`, `setLocale`) and events (`open`, `close`,
 * `message`). A site or page the server refuses for good (unknown id, origin not allowed) gets no
 * widget at all: it removes itself after one console warning.
 */
export class ChatController {
  private readonly view: WidgetView;
  private readonly connection: WidgetConnection;
  private entries: ChatEntry[] = [];
  private chatId: string | null = null;
  private unread = 0;
  private state: ConnectionState | null = null;
  private notice: string | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** chatId → the highest seq the operator has read (`message:read` by the operator). */
  private readonly operatorRead = new Map<string, number>();
  /** The last `visitor:read` sent, so the same receipt is not sent twice. */
  private readSent: { chatId: string; seq: number } | null = null;
  /** The chat a `chat:status` said was resolved (see `showsClosedNotice`). */
  private closedChatId: string | null = null;
  private readonly typingSender: TypingSender;
  private readonly remoteTyping: RemoteTyping;
  private operatorTyping: string | null = null;
  private aiTyping = false;
  private aiTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly streams = new AiStreams();
  /** Who answers the chat, as the last `ai:handoff` said (null: the assistant never handed it over). */
  private aiState: AiChatState | null = null;
  private business: BusinessStatusPayload | null = null;
  private offHours: Promise<OffHoursCard> | null = null;
  private transcript: Promise<TranscriptForm> | null = null;
  /** The email the visitor gave in this page (off-hours form, transcript). */
  private knownEmail: string | null = null;
  /** The email the visitor left with the off-hours form (the form then gives way to a confirmation). */
  private leftEmail: string | null = null;
  /** The visitor's files not stored yet, by clientId (kept for a retry). */
  private readonly uploads = new Map<string, File>();
  private language: WidgetLanguage;
  /** Who chose the language: the page (`setLocale` or the embed) wins over the site's settings. */
  private languageFixed: boolean;
  /** The owner set the site's welcome text (else the built-in one is shown translated). */
  private welcomeSet = false;
  /** `chtq.setUser`: sent once joined, again after a join that follows a failed attempt. */
  private identity: VisitorIdentifyPayload | null = null;
  private identitySent = false;
  private started = false;
  private gone = false;
  private tracksPages = false;

  constructor(
    shadow: ShadowRoot,
    private readonly config: WidgetConfig,
    private strings: WidgetStrings,
    private readonly emit: (event: SdkEvent, payload?: unknown) => void,
  ) {
    this.language = config.language;
    // In the preview, the settings it is sent decide everything (its `language` is only a start).
    this.languageFixed = config.embedded.includes('language') && !config.preview;
    this.view = new WidgetView(shadow, config, strings, {
      toggle: () => this.toggle(),
      close: () => this.close(),
      send: (text) => this.send(text),
      retry: (clientId) => this.retry(clientId),
      remove: (clientId) => this.remove(clientId),
      typing: () => this.typingSender.input(),
      attach: (files) => this.attach(files),
      attachSoon: () => void loadAttachments().catch(() => {}),
      needFiles: () => void this.drawFiles(),
      transcript: () => void this.toggleTranscript(),
      transcriptSoon: () => void loadTranscript().catch(() => {}),
    });
    this.typingSender = new TypingSender((typing) => this.connection.typing(typing));
    this.remoteTyping = new RemoteTyping((name) => {
      this.operatorTyping = name;
      this.renderTyping();
    });
    this.connection = new WidgetConnection({
      apiUrl: config.apiUrl,
      siteId: config.siteId,
      locale: () => this.joinLocale(),
      visitorIds: browserVisitorIdStore(),
      lastSeen: () => ({ chatId: this.chatId, seq: resumePoint(this.entries, this.chatId) }),
      page: () => ({ url: location.href, title: document.title }),
      // Once the server took the site and the page (no request that could only be refused before),
      // the site's settings; the first join waits for them a little (it tells the server the language).
      beforeFirstJoin: () => Promise.race([this.loadSiteSettings(), new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]),
      events: {
        state: (state) => this.onState(state),
        joined: (result, first) => {
          this.chatId = result.chatId;
          // Pieces streamed while disconnected are lost: the stored answer comes with the history or ai:done.
          if (this.streams.reset()) this.renderStreams();
          // The first join's history was there before this page; what a later join brings arrived meanwhile.
          this.addStored(result.messages, !first);
          this.renderStatus();
          this.markRead();
          this.trackPages();
          void this.sendIdentity();
        },
        messages: (messages) => this.addStored(messages, false),
        sendFailed: (clientId, code) => this.onSendFailed(clientId, code),
        event: (name, payload) => this.onServerEvent(name, payload),
      },
    });
    document.addEventListener('visibilitychange', () => this.markRead());
  }

  open(): void {
    if (this.gone) return;
    const wasOpen = this.view.isOpen;
    this.unread = 0;
    this.view.setUnread(0);
    this.view.setOpen(true);
    this.start();
    this.markRead();
    if (!wasOpen) this.emit('open');
  }

  close(): void {
    if (!this.view.isOpen) return;
    this.view.setOpen(false);
    this.emit('close');
  }

  toggle(): void {
    if (this.view.isOpen) this.close();
    else this.open();
  }

  /** `chtq.setUser(...)`: checked here, sent as `visitor:identify` once connected (it never connects by itself). */
  setUser(user: unknown): void {
    const check = toIdentity(user);
    if (!check.ok) {
      console.warn(`[ChatIQ] setUser: ${check.problem}; ignored.`);
      return;
    }
    this.identity = check.identity;
    this.identitySent = false;
    void this.sendIdentity();
  }

  /** `chtq.setLocale('uk' | 'en')`: every string switches at once, and stays so whatever the site's settings say. */
  setLocale(value: unknown): void {
    const language = toLanguage(value);
    if (!language) {
      console.warn(`[ChatIQ] setLocale: ${JSON.stringify(value)} is not a supported language (uk, en); ignored.`);
      return;
    }
    this.languageFixed = true;
    void this.switchLanguage(language);
  }

  /** The first open: connect (the site's settings are read once connected). */
  private start(): void {
    if (this.started || this.config.preview) return; // the preview never connects
    this.started = true;
    this.connection.start();
  }

  /** GET /widget/sites/:id/settings: the site's look, applied like a `settings:update`. */
  private async loadSiteSettings(): Promise<void> {
    try {
      const response = await fetch(`${this.config.apiUrl}/widget/sites/${encodeURIComponent(this.config.siteId)}/settings`, {
        credentials: 'omit',
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        await this.applySettings(body);
        return;
      }
      const refusal = body as { code?: unknown; message?: unknown } | null;
      if (typeof refusal?.code === 'string' && GONE_CODES.includes(refusal.code)) {
        this.goAway(refusal.code, typeof refusal.message === 'string' ? refusal.message : String(response.status));
      }
    } catch {
      // Not reachable now: the socket says so; the look stays the embed's until a settings:update.
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  private send(text: string): void {
    const clientId = newClientId();
    this.typingSender.stop();
    this.entries = [...this.entries, pendingEntry(clientId, text, new Date().toISOString())];
    this.render();
    this.connection.send(clientId, text);
  }

  private retry(clientId: string): void {
    if (this.uploads.has(clientId)) {
      void this.upload(clientId);
      return;
    }
    const failed = this.entries.find((entry) => entry.id === null && entry.clientId === clientId);
    if (!failed) return;
    this.entries = updatePending(this.entries, clientId, { status: 'pending', error: undefined });
    this.render();
    this.connection.send(clientId, failed.text);
  }

  /** Drops the visitor's refused message or file from the list. */
  private remove(clientId: string): void {
    this.uploads.delete(clientId);
    this.entries = this.entries.filter((entry) => entry.id !== null || entry.clientId !== clientId);
    this.render();
  }

  /**
   * Stored messages into the list. `live`: they arrived while this page was open (not the
   * conversation's history at the first join), so the page hears of the site's ones (`message`).
   */
  private addStored(messages: MessageDto[], live: boolean): void {
    if (messages.length === 0) return;
    const known = new Set(this.entries.map((entry) => entry.id));
    const newReplies = messages.filter((message) => message.authorKind !== 'VISITOR' && !known.has(message.id));
    this.chatId = messages[messages.length - 1]?.chatId ?? this.chatId;
    this.entries = mergeMessages(this.entries, messages);
    // A stored answer of the assistant ends its stream (when it arrives before `ai:done`).
    const aiChats = new Set(messages.filter((m) => m.authorKind === 'AI').map((m) => m.chatId));
    let streamsChanged = false;
    for (const chatId of aiChats) streamsChanged = this.streams.finishChat(chatId) || streamsChanged;
    if (aiChats.size > 0) this.setAiTyping(false);
    if (messages.some((m) => m.authorKind === 'OPERATOR') && this.aiState === 'WAITING_FOR_HUMAN') {
      this.aiState = 'HUMAN'; // a person answered
      this.renderBusiness();
    }
    this.render();
    if (streamsChanged) this.renderStreams();
    this.renderStatus();
    if (newReplies.some((m) => m.authorKind === 'OPERATOR')) this.remoteTyping.clear(); // the reply the operator was typing
    if (!this.isReading() && newReplies.length > 0) {
      this.unread += newReplies.length;
      this.view.setUnread(this.unread);
    }
    if (live) for (const message of newReplies) this.emit('message', sdkMessage(message));
    this.markRead();
  }

  private render(): void {
    this.entries = applyReadReceipts(this.entries, this.operatorRead);
    this.view.renderMessages(this.entries);
  }

  private renderStatus(): void {
    this.view.setClosed(showsClosedNotice(this.closedChatId, this.chatId));
    this.view.setTranscriptAvailable(this.chatId !== null);
  }

  /** The panel is open in a visible tab: what arrives is read. */
  private isReading(): boolean {
    return this.view.isOpen && document.visibilityState === 'visible';
  }

  /** Tells the server (and so the operators) the visitor has seen their chat up to its newest message. */
  private markRead(): void {
    if (!this.isReading()) return;
    if (this.unread > 0) {
      this.unread = 0;
      this.view.setUnread(0);
    }
    const chatId = this.chatId;
    const seq = newestSeq(this.entries, chatId);
    if (chatId === null || seq === null || !this.connection.isJoined) return;
    if (this.readSent?.chatId === chatId && this.readSent.seq >= seq) return;
    this.readSent = { chatId, seq };
    this.connection.read(seq);
  }

  // ---- attachments (the lazy attachments chunk) ----------------------------------------------

  /** The visitor's files (picked, dropped or pasted): each shown at once, then uploaded. */
  private attach(files: File[]): void {
    for (const file of files) {
      const clientId = newClientId();
      this.uploads.set(clientId, file);
      this.entries = [...this.entries, pendingUploadEntry(clientId, { name: fileName(file), size: file.size }, new Date().toISOString())];
      void this.upload(clientId);
    }
    this.render();
  }

  private async upload(clientId: string): Promise<void> {
    const file = this.uploads.get(clientId);
    if (!file) return;
    const upload = { name: fileName(file), size: file.size, progress: 0 };
    this.entries = updatePending(this.entries, clientId, { status: 'pending', error: undefined, retryable: undefined, upload });
    this.render();
    this.start();
    let attachments: Awaited<ReturnType<typeof loadAttachments>>;
    try {
      [attachments] = await Promise.all([loadAttachments(), this.connection.whenJoined()]); // the route needs the visitor id from the join
    } catch {
      return this.uploadFailed(clientId, 'uploadFailed', true);
    }
    const visitorId = this.connection.visitorId;
    if (!visitorId || !this.uploads.has(clientId)) return;
    const outcome = await attachments.uploadAttachment({
      apiUrl: this.config.apiUrl,
      siteId: this.config.siteId,
      visitorId,
      clientId,
      file,
      fileName: upload.name,
      onProgress: (progress) => {
        this.entries = updatePending(this.entries, clientId, { upload: { ...upload, progress } });
        this.render();
      },
    });
    if (!this.uploads.has(clientId)) return; // removed meanwhile
    if (outcome.ok) {
      this.uploads.delete(clientId);
      this.addStored([outcome.message], false);
      return;
    }
    const failure = attachments.describeUploadFailure(outcome, file.size);
    this.uploadFailed(clientId, failure.reason, failure.retryable);
  }

  private uploadFailed(clientId: string, reason: keyof WidgetStrings, retryable: boolean): void {
    if (!retryable) this.uploads.delete(clientId);
    this.entries = updatePending(this.entries, clientId, { status: 'failed', error: String(this.strings[reason]), retryable });
    this.render();
  }

  /** A message with a file is shown: the attachments chunk draws it (and its stylesheet comes along). */
  private async drawFiles(): Promise<void> {
    const attachments = await loadAttachments().catch(() => null);
    if (!attachments) return;
    this.view.addStyle(attachments.css);
    this.view.setFileRenderer(
      attachments.fileRenderer((messageId) => {
        const visitorId = this.connection.visitorId;
        return visitorId ? attachments.attachmentUrl(this.config.apiUrl, messageId, this.config.siteId, visitorId) : null;
      }),
    );
  }

  // ---- server events -------------------------------------------------------------------------

  private onServerEvent<E extends keyof ServerEvents>(name: E, payload: ServerEvents[E]): void {
    const handlers: { [K in keyof ServerEvents]?: (payload: ServerEvents[K]) => void } = {
      'admin:message': (message) => this.addStored([message], true),
      // The visitor's own message, written in another tab: merged by id like any stored message.
      'visitor:message': (message) => this.addStored([message], true),
      // The server greets with the settings' welcome text when the site has no welcome message: the
      // built-in one (the owner set none) is the widget's own greeting, in the visitor's language.
      'welcome:message': ({ text }) => this.view.setWelcome(text.trim() === BUILT_IN_WELCOME && !this.welcomeSet ? null : text),
      'admin:typing': (typing) => this.onTyping(typing),
      'message:read': (read) => this.onRead(read),
      'chat:status': (status) => this.onChatStatus(status),
      'settings:update': (settings) => void this.applySettings(settings),
      'business:status': (status) => {
        this.business = status;
        this.renderBusiness();
      },
      'ai:typing': (typing) => this.onAiTyping(typing),
      'ai:delta': (delta) => this.onAiDelta(delta),
      'ai:done': (done) => this.onAiDone(done),
      'ai:aborted': (aborted) => this.onAiAborted(aborted),
      'ai:handoff': (handoff) => this.onAiHandoff(handoff),
      'server:error': (error) => console.warn(`[ChatIQ] ${error.code}: ${error.message}`),
    };
    (handlers[name] as ((payload: ServerEvents[E]) => void) | undefined)?.(payload);
  }

  private onTyping(payload: TypingEventPayload): void {
    if (!this.isCurrentChat(payload.chatId)) return;
    this.remoteTyping.update(payload.typing, payload.name || this.strings.operator);
  }

  private onRead(payload: ReadEventPayload): void {
    if (payload.by !== 'operator') return;
    if (recordReceipt(this.operatorRead, payload.chatId, payload.seq)) this.render();
  }

  private onChatStatus(payload: ChatStatusPayload): void {
    this.closedChatId = closedChatAfter(this.closedChatId, this.chatId, payload);
    if (payload.status === 'RESOLVED' && payload.chatId === this.chatId) {
      this.remoteTyping.clear();
      this.setAiTyping(false);
      this.aiState = null;
      this.renderBusiness();
    }
    this.renderStatus();
  }

  // ---- the AI assistant ----------------------------------------------------------------------

  private onAiTyping(payload: AiTypingPayload): void {
    if (this.isCurrentChat(payload.chatId)) this.setAiTyping(true);
  }

  private onAiDelta(payload: AiDeltaPayload): void {
    if (!this.isCurrentChat(payload.chatId)) return;
    if (!this.streams.delta(payload)) return;
    this.setAiTyping(false); // the bubble shows the answer coming in
    this.renderStreams();
  }

  private onAiDone(payload: AiDonePayload): void {
    this.streams.finish(payload.streamId);
    this.setAiTyping(false);
    // The stored message replaces the bubble in the same render (merged by id with admin:message).
    this.addStored([payload.message], true);
    this.renderStreams();
  }

  private onAiAborted(payload: AiAbortedPayload): void {
    this.setAiTyping(false);
    if (this.streams.finish(payload.streamId)) this.renderStreams();
  }

  private onAiHandoff(payload: AiHandoffPayload): void {
    if (!this.isCurrentChat(payload.chatId)) return;
    this.aiState = payload.state;
    if (payload.state !== 'AI') this.setAiTyping(false);
    this.renderBusiness();
  }

  private setAiTyping(typing: boolean): void {
    clearTimeout(this.aiTypingTimer);
    if (typing) this.aiTypingTimer = setTimeout(() => this.setAiTyping(false), AI_TYPING_TIMEOUT_MS);
    if (this.aiTyping === typing) return;
    this.aiTyping = typing;
    this.renderTyping();
  }

  private renderTyping(): void {
    const { strings } = this;
    const name = this.operatorTyping ?? (this.aiTyping ? strings.assistant : null);
    this.view.setTyping(name === null ? null : strings.typing(name));
  }

  private renderStreams(): void {
    this.view.renderStreams(this.streams.visible().map((stream) => ({ streamId: stream.streamId, text: stream.text })));
  }

  /** Events of another chat than the visitor's current one (an old tab's) are not shown. */
  private isCurrentChat(chatId: string): boolean {
    return this.chatId === null || chatId === this.chatId;
  }

  // ---- business hours, off-hours form (lazy), transcript (lazy) ------------------------------

  private renderBusiness(): void {
    const view = businessView(this.business, this.leftEmail, this.strings);
    this.view.setPresence(view.presence);
    this.view.setHandoff(handoffLine(this.aiState, this.business, this.strings));
    // The off-hours card is loaded the first time the team is offline.
    if (view.offHoursText !== null || this.offHours) void this.withOffHours((card) => card.update(view));
  }

  private withOffHours(use: (card: OffHoursCard) => void): Promise<void> {
    this.offHours ??= loadOffHours().then((chunk) => {
      for (const css of chunk.css) this.view.addStyle(css);
      const card = new chunk.OffHoursCard(this.strings, {
        identify: (payload) => this.connection.identify(payload),
        isJoined: () => this.connection.isJoined,
        left: (email, message) => {
          this.knownEmail = this.leftEmail = email;
          if (message) this.send(message);
          this.renderBusiness();
        },
      });
      this.view.offHoursSlot.append(card.element);
      return card;
    });
    this.offHours.catch(() => (this.offHours = null)); // tried again at the next status
    return this.offHours.then(
      (card) => use(card),
      () => {},
    );
  }

  /** The header's mail button: opens or closes "Email me this conversation" (loaded the first time). */
  private async toggleTranscript(): Promise<void> {
    this.transcript ??= loadTranscript().then((chunk) => {
      for (const css of chunk.css) this.view.addStyle(css);
      return new chunk.TranscriptForm(this.strings, {
        send: (payload) => this.connection.transcript(payload),
        isJoined: () => this.connection.isJoined,
        knownEmail: () => this.knownEmail,
        remember: (email) => (this.knownEmail = email),
      });
    });
    const form = await this.transcript.catch(() => {
      this.transcript = null;
      return null;
    });
    if (!form) return;
    const open = !form.isOpen;
    this.view.showTranscript(form.element, open);
    form.opened(open);
  }

  // ---- identity (chtq.setUser) ---------------------------------------------------------------

  private async sendIdentity(): Promise<void> {
    const identity = this.identity;
    if (!identity || this.identitySent || !this.connection.isJoined) return;
    this.identitySent = true;
    const ack = await this.connection.identify(identity);
    if (this.identity !== identity || ack.ok) return;
    if (ack.code === 'identity_invalid' || ack.code === 'validation_failed') {
      console.warn(`[ChatIQ] setUser: the server refused this user (${ack.code}): ${ack.message}`);
      this.identity = null;
    } else {
      this.identitySent = false; // not connected or a passing failure: the next join sends it again
    }
  }

  // ---- language and the site's settings ------------------------------------------------------

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
    if (!this.languageFixed && settings.language) {
      // The preview shows the language the admin panel sends, whoever set it.
      await this.switchLanguage(settings.languageSet || this.config.preview ? settings.language : this.browserLanguage());
    }
    return settings;
  }

  /** The built-in language is no choice: the visitor's browser decides (uk or en). */
  private browserLanguage(): WidgetLanguage {
    return toLanguage(navigator.language) ?? 'en';
  }

  private async switchLanguage(language: WidgetLanguage): Promise<void> {
    if (language === this.language) return;
    this.language = language;
    const strings = await loadStrings(language).catch(() => null);
    if (!strings || this.language !== language) return; // a later switch won
    this.strings = strings;
    this.onLanguage?.(language, strings);
    this.view.setLanguage(language, strings);
    this.renderBanner();
    this.renderTyping();
    this.renderBusiness();
    void this.offHours?.then((card) => card.setStrings(strings)).catch(() => {});
    void this.transcript?.then((form) => form.setStrings(strings)).catch(() => {});
  }

  /** The locale the join reports (the server greets by it): the browser's, unless the widget speaks another language. */
  private joinLocale(): string {
    const browser = navigator.language || this.language;
    return toLanguage(browser) === this.language ? browser : this.language;
  }

  // ---- the admin panel's preview (preview/preview.ts) ----------------------------------------

  /** Called after every switch of language (the preview translates its sample conversation). */
  onLanguage: ((language: WidgetLanguage, strings: WidgetStrings) => void) | null = null;

  get currentLanguage(): WidgetLanguage {
    return this.language;
  }

  /** The preview's sample conversation (there is no connection): the welcome bubble, the messages, "Online". */
  showSample(welcome: string | null, messages: MessageDto[]): void {
    this.view.setWelcome(welcome);
    this.entries = mergeMessages([], messages);
    this.chatId = messages[0]?.chatId ?? null;
    this.render();
    this.business = { online: true, nextChangeAt: null, offHoursMessage: null };
    this.renderBusiness();
  }

  // ---- pages, connection ---------------------------------------------------------------------

  /** Once joined, reports the page's URL changes (single-page apps included) to the operators. */
  private trackPages(): void {
    if (this.tracksPages) return;
    this.tracksPages = true;
    trackPageChanges(window, (page) => this.connection.page(page));
  }

  private onSendFailed(clientId: string, code: ErrorCode): void {
    this.entries = markFailed(this.entries, clientId);
    this.render();
    this.showNotice(code === 'rate_limited' ? this.strings.rateLimited : this.strings.sendFailed);
  }

  private onState(state: ConnectionState): void {
    if (state.kind === 'refused' && GONE_CODES.includes(state.code)) {
      this.goAway(state.code, state.message);
      return;
    }
    this.state = state;
    this.view.setComposerEnabled(state.kind !== 'refused');
    this.renderBanner();
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

  private renderBanner(): void {
    this.view.setBanner(this.banner());
  }

  private banner(): Banner | null {
    const { strings, state } = this;
    if (state?.kind === 'refused') return { text: strings.unavailable, tone: 'error' };
    if (this.notice) return { text: this.notice, tone: 'error' };
    switch (state?.kind) {
      case 'connecting':
        return { text: strings.connecting, tone: 'info' };
      case 'offline':
        return { text: strings.offline, tone: 'info' };
      case 'join-failed':
        return { text: strings.joinFailed, tone: 'error' };
      default:
        return null;
    }
  }
}

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

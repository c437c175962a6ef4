import type { ChatStatusPayload, ErrorCode, MessageDto, ReadEventPayload, TypingEventPayload } from '@chatiq/contracts';
import { toLiveSettings, type WidgetConfig, type WidgetLanguage } from '../config.js';
import { trackPageChanges } from '../embed/page-tracker.js';
import { stringsFor, type WidgetStrings } from '../i18n.js';
import { newClientId } from '../transport/client-id.js';
import { type ConnectionState, WidgetConnection } from '../transport/socket.js';
import { browserVisitorIdStore } from '../transport/visitor-id-store.js';
import { type Banner, WidgetView } from '../widget/view.js';
import { type ChatEntry, resumePoint, markFailed, mergeMessages, pendingEntry } from './message-merge.js';
import { applyReadReceipts, closedChatAfter, newestSeq, recordReceipt, showsClosedNotice } from './receipts.js';
import { RemoteTyping, TypingSender } from './typing.js';

/** How long a notice about one message (not sent, too many messages) stays up. */
const NOTICE_MS = 6_000;

/**
 * The widget's behaviour: opens and closes the panel, starts the connection the first time the
 * visitor opens the chat (nothing is sent or stored before that), keeps the message list and
 * the unread count, and turns the connection's state into banners.
 */
export class ChatController {
  private readonly view: WidgetView;
  private readonly connection: WidgetConnection;
  private entries: ChatEntry[] = [];
  private chatId: string | null = null;
  private isOpen = false;
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
  private language: WidgetLanguage;
  private tracksPages = false;

  constructor(
    shadow: ShadowRoot,
    config: WidgetConfig,
    private strings: WidgetStrings,
  ) {
    this.language = config.language;
    this.view = new WidgetView(shadow, config, strings, {
      toggle: () => this.toggle(),
      close: () => this.close(),
      send: (text) => this.send(text),
      retry: (clientId) => this.retry(clientId),
      typing: () => this.typingSender.input(),
    });
    this.typingSender = new TypingSender((typing) => this.connection.typing(typing));
    this.remoteTyping = new RemoteTyping((name) => this.view.setTyping(name));
    this.connection = new WidgetConnection({
      apiUrl: config.apiUrl,
      siteId: config.siteId,
      locale: navigator.language || config.language,
      visitorIds: browserVisitorIdStore(),
      lastSeen: () => ({ chatId: this.chatId, seq: resumePoint(this.entries, this.chatId) }),
      page: () => ({ url: location.href, title: document.title }),
      events: {
        state: (state) => this.onState(state),
        joined: (result) => {
          this.chatId = result.chatId;
          this.addStored(result.messages);
          this.renderStatus();
          this.markRead();
          this.trackPages();
        },
        messages: (messages) => this.addStored(messages),
        sendFailed: (clientId, code) => this.onSendFailed(clientId, code),
        welcome: (text) => this.view.setGreeting(text),
        serverError: (payload) => console.warn(`[ChatIQ] ${payload.code}: ${payload.message}`),
        typing: (payload) => this.onTyping(payload),
        read: (payload) => this.onRead(payload),
        chatStatus: (payload) => this.onChatStatus(payload),
        settings: (payload) => this.onSettings(payload),
      },
    });
    document.addEventListener('visibilitychange', () => this.markRead());
  }

  open(): void {
    this.isOpen = true;
    this.unread = 0;
    this.view.setUnread(0);
    this.view.setOpen(true);
    this.connection.start();
    this.markRead();
  }

  close(): void {
    this.isOpen = false;
    this.view.setOpen(false);
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  private send(text: string): void {
    const clientId = newClientId();
    this.typingSender.stop();
    this.entries = [...this.entries, pendingEntry(clientId, text, new Date().toISOString())];
    this.render();
    this.connection.send(clientId, text);
  }

  private retry(clientId: string): void {
    const failed = this.entries.find((entry) => entry.id === null && entry.clientId === clientId);
    if (!failed) return;
    this.entries = this.entries.map((entry) => (entry === failed ? { ...entry, status: 'pending' as const } : entry));
    this.render();
    this.connection.send(clientId, failed.text);
  }

  private addStored(messages: MessageDto[]): void {
    if (messages.length === 0) return;
    const known = new Set(this.entries.map((entry) => entry.id));
    const newReplies = messages.filter((message) => message.authorKind !== 'VISITOR' && !known.has(message.id));
    this.chatId = messages[messages.length - 1]?.chatId ?? this.chatId;
    this.entries = mergeMessages(this.entries, messages);
    this.render();
    this.renderStatus();
    if (newReplies.length > 0) this.remoteTyping.clear(); // the reply the operator was typing
    if (!this.isReading() && newReplies.length > 0) {
      this.unread += newReplies.length;
      this.view.setUnread(this.unread);
    }
    this.markRead();
  }

  private render(): void {
    this.entries = applyReadReceipts(this.entries, this.operatorRead);
    this.view.renderMessages(this.entries);
  }

  private renderStatus(): void {
    this.view.setClosed(showsClosedNotice(this.closedChatId, this.chatId));
  }

  /** The panel is open in a visible tab: what arrives is read. */
  private isReading(): boolean {
    return this.isOpen && document.visibilityState === 'visible';
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

  private onTyping(payload: TypingEventPayload): void {
    if (this.chatId !== null && payload.chatId !== this.chatId) return;
    this.remoteTyping.update(payload.typing, payload.name || this.strings.operator);
  }

  private onRead(payload: ReadEventPayload): void {
    if (payload.by !== 'operator') return;
    if (recordReceipt(this.operatorRead, payload.chatId, payload.seq)) this.render();
  }

  private onChatStatus(payload: ChatStatusPayload): void {
    this.closedChatId = closedChatAfter(this.closedChatId, this.chatId, payload);
    if (payload.status === 'RESOLVED' && payload.chatId === this.chatId) this.remoteTyping.clear();
    this.renderStatus();
  }

  private onSettings(payload: unknown): void {
    const settings = toLiveSettings(payload);
    this.view.applyLook(settings);
    if (settings.language && settings.language !== this.language) {
      this.language = settings.language;
      this.strings = stringsFor(settings.language);
      this.view.setLanguage(settings.language, this.strings);
      this.renderBanner();
    }
    if (settings.welcomeMessage) this.view.setGreeting(settings.welcomeMessage);
  }

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
    this.state = state;
    this.view.setComposerEnabled(state.kind !== 'refused');
    this.renderBanner();
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
    if (state?.kind === 'refused') {
      const text =
        state.code === 'origin_not_allowed'
          ? strings.originNotAllowed
          : state.code === 'site_not_found'
            ? strings.siteNotFound
            : strings.unavailable;
      return { text, tone: 'error' };
    }
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

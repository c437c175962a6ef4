import type { ErrorCode, MessageDto } from '@chatiq/contracts';
import type { WidgetConfig } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { newClientId } from '../transport/client-id.js';
import { type ConnectionState, WidgetConnection } from '../transport/socket.js';
import { browserVisitorIdStore } from '../transport/visitor-id-store.js';
import { type Banner, WidgetView } from '../widget/view.js';
import { type ChatEntry, resumePoint, markFailed, mergeMessages, pendingEntry } from './message-merge.js';

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

  constructor(
    shadow: ShadowRoot,
    config: WidgetConfig,
    private readonly strings: WidgetStrings,
  ) {
    this.view = new WidgetView(shadow, config, strings, {
      toggle: () => this.toggle(),
      close: () => this.close(),
      send: (text) => this.send(text),
      retry: (clientId) => this.retry(clientId),
    });
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
        },
        messages: (messages) => this.addStored(messages),
        sendFailed: (clientId, code) => this.onSendFailed(clientId, code),
        welcome: (text) => this.view.setGreeting(text),
        serverError: (payload) => console.warn(`[ChatIQ] ${payload.code}: ${payload.message}`),
      },
    });
  }

  open(): void {
    this.isOpen = true;
    this.unread = 0;
    this.view.setUnread(0);
    this.view.setOpen(true);
    this.connection.start();
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
    this.entries = [...this.entries, pendingEntry(clientId, text, new Date().toISOString())];
    this.view.renderMessages(this.entries);
    this.connection.send(clientId, text);
  }

  private retry(clientId: string): void {
    const failed = this.entries.find((entry) => entry.id === null && entry.clientId === clientId);
    if (!failed) return;
    this.entries = this.entries.map((entry) => (entry === failed ? { ...entry, status: 'pending' as const } : entry));
    this.view.renderMessages(this.entries);
    this.connection.send(clientId, failed.text);
  }

  private addStored(messages: MessageDto[]): void {
    if (messages.length === 0) return;
    const known = new Set(this.entries.map((entry) => entry.id));
    const newReplies = messages.filter((message) => message.authorKind !== 'VISITOR' && !known.has(message.id));
    this.chatId = messages[messages.length - 1]?.chatId ?? this.chatId;
    this.entries = mergeMessages(this.entries, messages);
    this.view.renderMessages(this.entries);
    if (!this.isOpen && newReplies.length > 0) {
      this.unread += newReplies.length;
      this.view.setUnread(this.unread);
    }
  }

  private onSendFailed(clientId: string, code: ErrorCode): void {
    this.entries = markFailed(this.entries, clientId);
    this.view.renderMessages(this.entries);
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

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
} from '@chatiq/contracts';
import { toLiveSettings, type WidgetConfig, type WidgetLanguage } from '../config.js';
import { trackPageChanges } from '../embed/page-tracker.js';
import { stringsFor, type WidgetStrings } from '../i18n.js';
import { newClientId } from '../transport/client-id.js';
import { type ConnectionState, WidgetConnection } from '../transport/socket.js';
import { attachmentUrl, describeUploadFailure, uploadAttachment } from '../transport/upload.js';
import { browserVisitorIdStore } from '../transport/visitor-id-store.js';
import { type Banner, WidgetView } from '../widget/view.js';
import { AiStreams } from './ai-stream.js';
import { businessView, checkEmail, handoffLine, type LeaveMessageInput, planLeaveMessage } from './business-status.js';
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

/**
 * The widget's behaviour: opens and closes the panel, starts the connection the first time the
 * visitor opens the chat (nothing is sent or stored before that), keeps the message list and
 * the unread count, assembles the assistant's streamed answers, follows business hours, uploads
 * attachments and turns the connection's state into banners.
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
  private operatorTyping: string | null = null;
  private aiTyping = false;
  private aiTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly streams = new AiStreams();
  /** Who answers the chat, as the last `ai:handoff` said (null: the assistant never handed it over). */
  private aiState: AiChatState | null = null;
  private business: BusinessStatusPayload | null = null;
  /** The email the visitor gave in this page (off-hours form, transcript). */
  private knownEmail: string | null = null;
  /** The email the visitor left with the off-hours form (the form then gives way to a confirmation). */
  private leftEmail: string | null = null;
  /** The visitor's files not stored yet, by clientId (kept for a retry). */
  private readonly uploads = new Map<string, File>();
  private language: WidgetLanguage;
  private tracksPages = false;

  constructor(
    shadow: ShadowRoot,
    private readonly config: WidgetConfig,
    private strings: WidgetStrings,
  ) {
    this.language = config.language;
    this.view = new WidgetView(
      shadow,
      config,
      strings,
      {
        toggle: () => this.toggle(),
        close: () => this.close(),
        send: (text) => this.send(text),
        retry: (clientId) => this.retry(clientId),
        remove: (clientId) => this.remove(clientId),
        typing: () => this.typingSender.input(),
        attach: (files) => this.attach(files),
        leaveMessage: (input) => void this.leaveMessage(input),
        transcript: (email) => void this.sendTranscript(email),
        transcriptOpened: () => this.knownEmail,
      },
      (messageId) => {
        const visitorId = this.connection.visitorId;
        return visitorId ? attachmentUrl(config.apiUrl, messageId, config.siteId, visitorId) : null;
      },
    );
    this.typingSender = new TypingSender((typing) => this.connection.typing(typing));
    this.remoteTyping = new RemoteTyping((name) => {
      this.operatorTyping = name;
      this.renderTyping();
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
          // Pieces streamed while disconnected are lost: the stored answer comes with the history or ai:done.
          if (this.streams.reset()) this.renderStreams();
          this.addStored(result.messages);
          this.renderStatus();
          this.markRead();
          this.trackPages();
        },
        messages: (messages) => this.addStored(messages),
        sendFailed: (clientId, code) => this.onSendFailed(clientId, code),
        welcome: (text) => this.view.setWelcome(text),
        serverError: (payload) => console.warn(`[ChatIQ] ${payload.code}: ${payload.message}`),
        typing: (payload) => this.onTyping(payload),
        read: (payload) => this.onRead(payload),
        chatStatus: (payload) => this.onChatStatus(payload),
        settings: (payload) => this.onSettings(payload),
        business: (payload) => {
          this.business = payload;
          this.renderBusiness();
        },
        aiTyping: (payload) => this.onAiTyping(payload),
        aiDelta: (payload) => this.onAiDelta(payload),
        aiDone: (payload) => this.onAiDone(payload),
        aiAborted: (payload) => this.onAiAborted(payload),
        aiHandoff: (payload) => this.onAiHandoff(payload),
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

  // ---- attachments ---------------------------------------------------------------------------

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
    this.connection.start();
    await this.connection.whenJoined(); // the route needs the visitor id from the join
    const visitorId = this.connection.visitorId;
    if (!visitorId || !this.uploads.has(clientId)) return;
    const outcome = await uploadAttachment({
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
      this.addStored([outcome.message]);
      return;
    }
    const failure = describeUploadFailure(outcome, file.size);
    if (!failure.retryable) this.uploads.delete(clientId);
    this.entries = updatePending(this.entries, clientId, {
      status: 'failed',
      error: this.strings[failure.reason],
      retryable: failure.retryable,
    });
    this.render();
  }

  // ---- messages ------------------------------------------------------------------------------

  private addStored(messages: MessageDto[]): void {
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
    this.addStored([payload.message]);
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

  // ---- business hours, off-hours form, transcript --------------------------------------------

  private renderBusiness(): void {
    this.view.setBusiness(businessView(this.business, this.leftEmail, this.strings));
    this.view.setHandoff(handoffLine(this.aiState, this.business, this.strings));
  }

  /** The off-hours form: `visitor:identify` with the email (and name), then the message as a normal message. */
  private async leaveMessage(input: LeaveMessageInput): Promise<void> {
    const { strings } = this;
    const plan = planLeaveMessage(input);
    if (!plan.ok) {
      this.view.showLeaveMessageError({ field: 'email', text: plan.error === 'required' ? strings.emailRequired : strings.emailInvalid });
      return;
    }
    this.view.setLeaveMessageBusy(true);
    const ack = await this.connection.identify(plan.identify);
    this.view.setLeaveMessageBusy(false);
    if (!ack.ok) {
      if (ack.code === 'validation_failed') this.view.showLeaveMessageError({ field: 'email', text: strings.emailInvalid });
      else this.view.showLeaveMessageError({ field: null, text: this.connection.isJoined ? strings.identifyFailed : strings.noConnection });
      return;
    }
    this.knownEmail = plan.identify.email;
    this.leftEmail = plan.identify.email;
    if (plan.message) this.send(plan.message);
    this.renderBusiness();
  }

  /** "Email me this conversation": the address only when it is not the one the visitor gave already. */
  private async sendTranscript(rawEmail: string): Promise<void> {
    const { strings } = this;
    const typed = rawEmail.trim();
    let email: string | null = null;
    if (typed && typed !== this.knownEmail) {
      const check = checkEmail(typed);
      if (!check.ok) return this.view.setTranscriptFeedback({ text: strings.emailInvalid, tone: 'error' }, true);
      email = check.email;
    } else if (!typed && this.knownEmail === null) {
      return this.view.setTranscriptFeedback({ text: strings.emailRequired, tone: 'error' }, true);
    }
    this.view.setTranscriptBusy(true);
    this.view.setTranscriptFeedback(null);
    const ack = await this.connection.transcript(email ? { email } : {});
    this.view.setTranscriptBusy(false);
    if (ack.ok) {
      if (email) this.knownEmail = email;
      this.view.setTranscriptFeedback({ text: strings.transcriptSent(email ?? this.knownEmail), tone: 'info' });
      return;
    }
    const text = !this.connection.isJoined
      ? strings.noConnection
      : ack.code === 'chat_not_found'
        ? strings.transcriptNoChat
        : ack.code === 'rate_limited'
          ? strings.rateLimited
          : ack.code === 'validation_failed' && email
            ? strings.emailInvalid
            : strings.transcriptFailed;
    this.view.setTranscriptFeedback({ text, tone: 'error' }, text === strings.emailInvalid);
  }

  // ---- settings, pages, connection -----------------------------------------------------------

  private onSettings(payload: unknown): void {
    const settings = toLiveSettings(payload);
    this.view.applyLook(settings);
    if (settings.language && settings.language !== this.language) {
      this.language = settings.language;
      this.strings = stringsFor(settings.language);
      this.view.setLanguage(settings.language, this.strings);
      this.renderBanner();
      this.renderTyping();
      this.renderBusiness();
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

function fileName(file: File): string {
  return file.name.trim() || PASTED_FILE_NAME;
}

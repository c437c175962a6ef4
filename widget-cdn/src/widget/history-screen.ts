import type { MessageDto, VisitorPastChatDto } from '@chatiq/contracts';
import type { WidgetLanguage } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

export interface HistoryScreenActions {
  /** The back button: from a conversation to the list, from the list to the chat. */
  back(): void;
  open(chatId: string): void;
  /** Draws a conversation's messages (the chat view's way, read only). */
  draw(container: HTMLElement, messages: readonly MessageDto[]): void;
}

/**
 * The past conversations (part of the lazy history chunk): the "Previous conversations" entry
 * above the messages, and the screen it opens in the conversation's place: the list (when, open or
 * closed, the last message) and one conversation read only, with its messages under their days.
 * Focus goes to the screen's heading when it changes; texts are set as text, never as HTML.
 */
export class HistoryScreen {
  readonly entry: HTMLButtonElement;
  readonly element: HTMLDivElement;
  private readonly backButton: HTMLButtonElement;
  private readonly heading: HTMLHeadingElement;
  private readonly error: HTMLParagraphElement;
  private readonly list: HTMLUListElement;
  private readonly log: HTMLDivElement;
  /** Which part shows: the list, or a conversation (its date as the heading). */
  private showing: { kind: 'list' } | { kind: 'chat'; title: string } = { kind: 'list' };

  constructor(
    private strings: WidgetStrings,
    private language: WidgetLanguage,
    private readonly actions: HistoryScreenActions,
  ) {
    this.entry = el('button', { type: 'button', class: 'chatiq-history-entry', 'aria-controls': 'chatiq-history', hidden: true });
    this.backButton = el('button', { type: 'button', class: 'chatiq-history-back' });
    this.heading = el('h3', { id: 'chatiq-history-title', tabindex: '-1' });
    this.error = el('p', { class: 'chatiq-history-error', role: 'alert', hidden: true });
    this.list = el('ul', { class: 'chatiq-history-list' });
    this.log = el('div', {
      class: 'chatiq-messages chatiq-history-log',
      role: 'log',
      'aria-labelledby': 'chatiq-history-title',
      tabindex: '0',
      hidden: true,
    });
    this.element = el(
      'div',
      { id: 'chatiq-history', class: 'chatiq-history', role: 'region', 'aria-labelledby': 'chatiq-history-title', hidden: true },
      el('div', { class: 'chatiq-history-bar' }, this.backButton, this.heading),
      this.error,
      this.list,
      this.log,
    );
    this.backButton.addEventListener('click', () => actions.back());
    this.setStrings(strings, language);
  }

  setEntryVisible(visible: boolean): void {
    this.entry.hidden = !visible;
  }

  /** The list of conversations, newest first. */
  showList(chats: readonly VisitorPastChatDto[]): void {
    this.showing = { kind: 'list' };
    this.error.hidden = true;
    this.log.hidden = true;
    this.log.replaceChildren();
    this.list.hidden = false;
    this.list.replaceChildren(
      ...chats.map((chat) => {
        const last = chat.lastMessage;
        const preview = !last ? this.strings.historyNoMessages : last.text || (last.attachment ? `📎 ${last.attachment.name}` : '');
        const item = el(
          'button',
          { type: 'button', class: 'chatiq-history-item', 'data-chat-id': chat.id },
          el(
            'span',
            { class: 'chatiq-history-meta' },
            el('time', { datetime: chat.createdAt }, this.date(chat.createdAt)),
            el('span', {}, chat.status === 'RESOLVED' ? this.strings.historyClosed : this.strings.historyOpen),
          ),
          el('span', { class: 'chatiq-history-preview' }, preview),
        );
        item.addEventListener('click', () => this.actions.open(chat.id));
        return el('li', {}, item);
      }),
    );
    this.label();
  }

  /** One conversation, read only. */
  showChat(chat: VisitorPastChatDto | undefined, messages: readonly MessageDto[]): void {
    this.showing = { kind: 'chat', title: chat ? this.date(chat.createdAt) : '' };
    this.error.hidden = true;
    this.list.hidden = true;
    this.log.hidden = false;
    this.actions.draw(this.log, messages);
    this.label();
    this.log.scrollTop = this.log.scrollHeight;
  }

  showError(): void {
    this.error.textContent = this.strings.historyFailed;
    this.error.hidden = false;
  }

  /** The focus to the heading (after the screen opened or changed), for keyboards and screen readers. */
  focus(): void {
    this.heading.focus();
  }

  get inChat(): boolean {
    return this.showing.kind === 'chat';
  }

  setStrings(strings: WidgetStrings, language: WidgetLanguage): void {
    this.strings = strings;
    this.language = language;
    this.entry.textContent = strings.historyAction;
    if (!this.error.hidden) this.error.textContent = strings.historyFailed;
    this.label();
  }

  private label(): void {
    const inChat = this.showing.kind === 'chat';
    this.heading.textContent = this.showing.kind === 'chat' ? this.showing.title : this.strings.historyAction;
    this.backButton.textContent = inChat ? this.strings.historyAll : this.strings.historyBack;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
}

import type { VisitorPastChatDto } from '@chatiq/contracts';
import type { WidgetLanguage } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { HistoryScreen } from '../widget/history-screen.js';
import type { ChatHost } from './chat-host.js';

/**
 * "Previous conversations" (part of the lazy history chunk): the entry shows while the visitor has
 * conversations on the site besides the current one; it opens their list (`visitor:history`,
 * read again at each opening) and one of them read only (`visitor:conversation`: the server gives
 * only the visitor's own chats, never a note). Back returns to the list, then to the chat.
 */
export class HistoryController {
  private readonly screen: HistoryScreen;
  private chats: VisitorPastChatDto[] = [];
  private open = false;

  constructor(private readonly host: ChatHost) {
    this.screen = new HistoryScreen(host.strings(), host.state().language, {
      back: () => (this.screen.inChat ? void this.showList() : this.close()),
      open: (chatId) => void this.showChat(chatId),
      draw: (container, messages) =>
        host.view.drawReadOnly(container, messages, (box, entry) => {
          box.hidden = false;
          box.textContent = `📎 ${entry.attachment?.name}`;
        }),
    });
    this.screen.entry.addEventListener('click', () => void this.showList());
    host.view.historySlot.append(this.screen.entry);
  }

  /** The visitor's conversations as the server listed them: the entry shows when there are others than the current one. */
  update(chats: VisitorPastChatDto[]): void {
    this.chats = this.others(chats);
    this.screen.setEntryVisible(this.chats.length > 0);
  }

  setStrings(strings: WidgetStrings, language: WidgetLanguage): void {
    this.screen.setStrings(strings, language);
    if (this.open && !this.screen.inChat) this.screen.showList(this.chats);
  }

  private async showList(): Promise<void> {
    this.show();
    this.screen.showList(this.chats);
    this.screen.focus();
    const ack = await this.host.connection.history();
    if (!ack.ok) return this.screen.showError();
    this.update(ack.data.chats);
    if (this.open && !this.screen.inChat) this.screen.showList(this.chats);
  }

  private async showChat(chatId: string): Promise<void> {
    const ack = await this.host.connection.chatMessages(chatId);
    if (!ack.ok) return this.screen.showError();
    this.screen.showChat(
      this.chats.find((chat) => chat.id === chatId),
      ack.data.messages,
    );
    this.screen.focus();
  }

  private show(): void {
    this.open = true;
    this.host.view.showScreen(this.screen.element, true);
  }

  private close(): void {
    this.open = false;
    this.host.view.showScreen(this.screen.element, false);
    this.screen.entry.focus();
  }

  private others(chats: VisitorPastChatDto[]): VisitorPastChatDto[] {
    const current = this.host.state().chatId;
    return chats.filter((chat) => chat.id !== current);
  }
}

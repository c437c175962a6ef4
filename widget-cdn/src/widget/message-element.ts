import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetStrings } from '../i18n.js';
import { el } from './dom.js';

/**
 * One message: `<div class="chatiq-msg" data-author="operator">` holding the text (as text,
 * never HTML). The author's name is an attribute the stylesheet shows, so the element's text
 * is exactly the message's; a failed message of the visitor also gets a retry button.
 */
export function createMessageElement(entry: ChatEntry, strings: WidgetStrings, onRetry: (clientId: string) => void): HTMLElement {
  const element = el('div', { class: 'chatiq-msg' }, el('div', { class: 'chatiq-msg-text' }));
  updateMessageElement(element, entry, strings, onRetry);
  return element;
}

export function updateMessageElement(
  element: HTMLElement,
  entry: ChatEntry,
  strings: WidgetStrings,
  onRetry: (clientId: string) => void,
): void {
  element.dataset.author = entry.authorKind.toLowerCase();
  element.dataset.status = entry.status;
  const authorName = displayedAuthorName(entry, strings);
  if (authorName) element.dataset.authorName = authorName;
  else delete element.dataset.authorName;
  // Like the author's name, the read mark is shown by the stylesheet, so the text stays the message's.
  if (entry.seen) element.dataset.seen = strings.seen;
  else delete element.dataset.seen;
  if (entry.status === 'pending') element.title = strings.pending;
  else element.removeAttribute('title');

  const text = element.querySelector<HTMLElement>('.chatiq-msg-text');
  if (text && text.textContent !== entry.text) text.textContent = entry.text;

  const retry = element.querySelector('.chatiq-retry');
  if (entry.status === 'failed' && entry.clientId !== null && !retry) {
    const clientId = entry.clientId;
    const button = el('button', { type: 'button', class: 'chatiq-retry' }, `${strings.notSent} · ${strings.retry}`);
    button.addEventListener('click', () => onRetry(clientId));
    element.append(button);
  } else if (entry.status !== 'failed') {
    retry?.remove();
  }
}

function displayedAuthorName(entry: ChatEntry, strings: WidgetStrings): string | null {
  switch (entry.authorKind) {
    case 'OPERATOR':
      return entry.authorName || strings.operator;
    case 'AI':
      return entry.authorName || strings.assistant;
    default:
      return null;
  }
}

import { fullTimeLabel, timeLabel } from '../chat/message-layout.js';
import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetLanguage } from '../config.js';
import type { WidgetStrings } from '../i18n.js';
import { avatarColor, initials } from './avatar.js';
import { el } from './dom.js';

/**
 * Draws a message's file into its `.chatiq-file` container (an image inline, any other file as a
 * download link, or the visitor's upload with its progress): widget/file-view.ts, in the lazy
 * attachments chunk. `previous` is what the message showed before (undefined: draw anew).
 */
export type FileRenderer = (container: HTMLElement, entry: ChatEntry, previous: ChatEntry | undefined, strings: WidgetStrings) => void;

export interface MessageActions {
  retry(clientId: string): void;
  remove(clientId: string): void;
  /** Null until the attachments chunk is loaded (the view asks for it when a file is shown). */
  renderFile: FileRenderer | null;
  /** The language its time is shown in. */
  language: WidgetLanguage;
}

/**
 * One message: `<div class="chatiq-msg" data-author="operator">` holding its file and its text
 * (as text, never HTML). The author's name is an attribute the stylesheet shows, so the text
 * element holds exactly the message's text; a failed message of the visitor gets the reason and a
 * retry (or remove) button. The first message of an operator's run (`setGroupStart`) shows their
 * name and avatar, whose initials are an attribute too. Its local time is a `<time>` (with the
 * date in full as its title) that screen readers read with it and the stylesheet shows on hover
 * or focus (the message can take the focus: the list's arrow keys move it).
 */
export function createMessageElement(entry: ChatEntry, strings: WidgetStrings, actions: MessageActions): HTMLElement {
  const element = el(
    'div',
    { class: 'chatiq-msg', tabindex: '-1' },
    el('span', { class: 'chatiq-avatar', 'aria-hidden': 'true', hidden: true }),
    el('div', { class: 'chatiq-file', hidden: true }),
    el('div', { class: 'chatiq-msg-text' }),
    el('time', { class: 'chatiq-time' }),
  );
  updateMessageElement(element, entry, undefined, strings, actions);
  return element;
}

/** Brings the element up to date with `entry`; `previous` is what it showed before (undefined: nothing). */
export function updateMessageElement(
  element: HTMLElement,
  entry: ChatEntry,
  previous: ChatEntry | undefined,
  strings: WidgetStrings,
  actions: MessageActions,
): void {
  element.dataset.author = entry.authorKind.toLowerCase();
  element.dataset.status = entry.status;
  setData(element, 'authorName', displayedAuthorName(entry, strings));
  setData(element, 'badge', entry.authorKind === 'AI' ? strings.aiBadge : null);
  // Like the author's name, the read mark is shown by the stylesheet, so the text stays the message's.
  setData(element, 'seen', entry.seen ? strings.seen : null);
  if (entry.status === 'pending') element.title = strings.pending;
  else element.removeAttribute('title');

  const file = element.querySelector<HTMLElement>('.chatiq-file');
  if (file) {
    if (!entry.attachment && !entry.upload) {
      file.replaceChildren();
      file.hidden = true;
    } else {
      actions.renderFile?.(file, entry, previous, strings);
    }
  }

  const text = element.querySelector<HTMLElement>('.chatiq-msg-text');
  if (text && text.textContent !== entry.text) text.textContent = entry.text;
  const time = element.querySelector('time');
  if (time) setTime(time, entry.createdAt, actions.language);

  element.querySelector('.chatiq-msg-error')?.remove();
  element.querySelector('.chatiq-link-button')?.remove();
  if (entry.status === 'failed' && entry.clientId !== null) {
    const clientId = entry.clientId;
    const canRetry = entry.retryable !== false;
    if (entry.error) element.append(el('p', { class: 'chatiq-msg-error', role: 'alert' }, entry.error));
    const label = canRetry ? `${entry.error ? '' : `${strings.notSent} · `}${strings.retry}` : strings.remove;
    const button = el('button', { type: 'button', class: 'chatiq-link-button' }, label);
    button.addEventListener('click', () => (canRetry ? actions.retry(clientId) : actions.remove(clientId)));
    element.append(button);
  }
}

/**
 * Marks the first message of an author's run (`data-first`): an operator's shows their name and,
 * beside it, their avatar (initials in a circle of the name's colour); the others of the run show
 * neither. The assistant's answers keep their name and AI mark on every message.
 */
export function setGroupStart(element: HTMLElement, entry: ChatEntry, first: boolean, strings: WidgetStrings, apiUrl: string): void {
  setData(element, 'first', first ? 'true' : null);
  const avatar = element.querySelector<HTMLElement>('.chatiq-avatar');
  if (!avatar) return;
  const name = entry.authorKind === 'OPERATOR' && first ? displayedAuthorName(entry, strings) : null;
  avatar.hidden = name === null;
  if (name === null) return;
  avatar.dataset.initials = initials(name);
  avatar.style.backgroundColor = avatarColor(name);
  // The operator's picture, when they set one, over the initials (which stay while it loads).
  const path = entry.authorAvatarUrl;
  const src = path?.startsWith('/') ? apiUrl + path : null;
  let picture = avatar.querySelector('img');
  if (!src) picture?.remove();
  else if (picture?.getAttribute('src') !== src) {
    picture ??= avatar.appendChild(el('img', { alt: '' }));
    picture.src = src;
  }
}

/** The assistant's answer while it streams: marked busy for screen readers until it is complete. */
export function createStreamElement(strings: WidgetStrings): HTMLElement {
  const element = el(
    'div',
    { class: 'chatiq-msg', 'data-author': 'ai', 'data-streaming': true, 'data-first': true, 'aria-busy': 'true' },
    el('div', { class: 'chatiq-msg-text' }),
  );
  updateStreamElement(element, '', strings);
  return element;
}

export function updateStreamElement(element: HTMLElement, text: string, strings: WidgetStrings): void {
  element.dataset.authorName = strings.assistant;
  element.dataset.badge = strings.aiBadge;
  const body = element.querySelector<HTMLElement>('.chatiq-msg-text');
  if (body && body.textContent !== text) body.textContent = text;
}

/** A `<time>` showing `date`'s local time, with the date in full as its title. */
export function setTime(time: HTMLElement, date: string, language: WidgetLanguage): void {
  time.setAttribute('datetime', date);
  time.title = fullTimeLabel(date, language);
  time.textContent = timeLabel(date, language);
}

function setData(element: HTMLElement, name: string, value: string | null): void {
  if (value) element.dataset[name] = value;
  else delete element.dataset[name];
}

function displayedAuthorName(entry: ChatEntry, strings: WidgetStrings): string | null {
  switch (entry.authorKind) {
    case 'OPERATOR':
      return entry.authorName || strings.operator;
    case 'AI':
      // In the visitor's language, as on the streaming bubble (the server names it in English).
      return strings.assistant;
    default:
      return null;
  }
}

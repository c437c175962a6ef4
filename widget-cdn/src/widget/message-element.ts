import type { AttachmentDto } from '@chatiq/contracts';
import type { ChatEntry } from '../chat/message-merge.js';
import type { WidgetStrings } from '../i18n.js';
import { formatFileSize } from '../transport/upload.js';
import { el, FILE_ICON, icon } from './dom.js';

/** The visitor's download address of a stored message's file (null before the visitor is known). */
export type FileUrl = (messageId: string) => string | null;

export interface MessageActions {
  retry(clientId: string): void;
  remove(clientId: string): void;
  fileUrl: FileUrl;
}

/** Types the browser shows inline (the contract's INLINE_ATTACHMENT_TYPES). */
const INLINE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * One message: `<div class="chatiq-msg" data-author="operator">` holding its file (an image
 * inline, any other file as a download link, or the visitor's upload with its progress) and its
 * text (as text, never HTML). The author's name is an attribute the stylesheet shows, so the
 * text element holds exactly the message's text; a failed message of the visitor gets the reason
 * and a retry (or remove) button.
 */
export function createMessageElement(entry: ChatEntry, strings: WidgetStrings, actions: MessageActions): HTMLElement {
  const element = el(
    'div',
    { class: 'chatiq-msg' },
    el('div', { class: 'chatiq-file', hidden: true }),
    el('div', { class: 'chatiq-msg-text' }),
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
  if (file) updateFile(file, entry, previous, strings, actions);

  const text = element.querySelector<HTMLElement>('.chatiq-msg-text');
  if (text && text.textContent !== entry.text) text.textContent = entry.text;

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

/** The assistant's answer while it streams: marked busy for screen readers until it is complete. */
export function createStreamElement(strings: WidgetStrings): HTMLElement {
  const element = el(
    'div',
    { class: 'chatiq-msg', 'data-author': 'ai', 'data-streaming': true, 'aria-busy': 'true' },
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

function updateFile(
  container: HTMLElement,
  entry: ChatEntry,
  previous: ChatEntry | undefined,
  strings: WidgetStrings,
  actions: MessageActions,
): void {
  const { attachment, upload } = entry;
  if (upload && entry.id === null) {
    const percent = Math.round(upload.progress * 100);
    let progress = container.querySelector('progress');
    if (!progress || !previous?.upload) {
      progress = el('progress', { class: 'chatiq-progress', max: '100' });
      container.replaceChildren(
        el(
          'span',
          { class: 'chatiq-file-link' },
          icon(FILE_ICON),
          upload.name,
          el('span', { class: 'chatiq-file-size' }, formatFileSize(upload.size)),
        ),
        progress,
      );
    }
    progress.value = percent;
    progress.setAttribute('aria-label', strings.uploading(percent));
    progress.hidden = entry.status === 'failed';
    container.hidden = false;
    return;
  }
  if (attachment && entry.id !== null) {
    if (previous?.attachment && previous.id === entry.id && container.childElementCount > 0 && previous.status === entry.status) {
      relabelFile(container, attachment, strings);
      return;
    }
    const url = actions.fileUrl(entry.id);
    container.replaceChildren(url ? fileView(attachment, url, strings) : fileLabel(attachment, strings));
    container.hidden = false;
    return;
  }
  container.replaceChildren();
  container.hidden = true;
}

/** An image inline (opening full size in a new tab), any other file as a download link. */
function fileView(attachment: AttachmentDto, url: string, strings: WidgetStrings): HTMLElement {
  // The download route checks the page's origin: send it as the Referer even when the page's
  // referrer policy would send none (an <img> or a link sends no Origin header).
  if (INLINE_TYPES.includes(attachment.type)) {
    return el(
      'a',
      {
        href: url,
        target: '_blank',
        rel: 'noopener',
        referrerpolicy: 'origin',
        'aria-label': strings.download(attachment.name, formatFileSize(attachment.size)),
      },
      el('img', { src: url, alt: attachment.name, loading: 'lazy', referrerpolicy: 'origin' }),
    );
  }
  const link = el(
    'a',
    {
      class: 'chatiq-file-link',
      href: url,
      download: attachment.name,
      referrerpolicy: 'origin',
      'aria-label': strings.download(attachment.name, formatFileSize(attachment.size)),
    },
    icon(FILE_ICON),
    attachment.name,
    el('span', { class: 'chatiq-file-size' }, formatFileSize(attachment.size)),
  );
  return link;
}

/** The file's name and size, without a link (the visitor is not known yet). */
function fileLabel(attachment: AttachmentDto, _strings: WidgetStrings): HTMLElement {
  return el(
    'span',
    { class: 'chatiq-file-link' },
    icon(FILE_ICON),
    attachment.name,
    el('span', { class: 'chatiq-file-size' }, formatFileSize(attachment.size)),
  );
}

function relabelFile(container: HTMLElement, attachment: AttachmentDto, strings: WidgetStrings): void {
  const link = container.querySelector('a');
  link?.setAttribute('aria-label', strings.download(attachment.name, formatFileSize(attachment.size)));
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

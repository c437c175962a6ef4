import type { AttachmentDto } from '@chatiq/contracts';
import type { WidgetStrings } from '../i18n.js';
import { el, FILE_ICON, icon } from './dom.js';
import type { FileRenderer } from './message-element.js';

/** Types the browser shows inline (the contract's INLINE_ATTACHMENT_TYPES). */
const INLINE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Draws messages' files (part of the lazy attachments chunk): a stored image inline (opening full
 * size in a new tab), any other stored file as a download link, the visitor's upload with its
 * progress. `fileUrl` gives a stored message's download address (null before the visitor is
 * known: then the file's name and size, without a link).
 */
export function fileRenderer(fileUrl: (messageId: string) => string | null): FileRenderer {
  return (container, entry, previous, strings) => {
    const { attachment, upload } = entry;
    if (upload && entry.id === null) {
      const percent = Math.round(upload.progress * 100);
      let progress = container.querySelector('progress');
      if (!progress || !previous?.upload) {
        progress = el('progress', { class: 'chatiq-progress', max: '100' });
        container.replaceChildren(fileLabel(upload, strings), progress);
      }
      progress.value = percent;
      progress.setAttribute('aria-label', strings.uploading(percent));
      progress.hidden = entry.status === 'failed';
      container.hidden = false;
      return;
    }
    if (attachment && entry.id !== null) {
      if (previous?.attachment && previous.id === entry.id && container.childElementCount > 0 && previous.status === entry.status) {
        // Only the words changed (another language): the link keeps its element (an image is not fetched again).
        container.querySelector('a')?.setAttribute('aria-label', strings.download(attachment.name, strings.size(attachment.size)));
        return;
      }
      const url = fileUrl(entry.id);
      container.replaceChildren(url ? fileView(attachment, url, strings) : fileLabel(attachment, strings));
      container.hidden = false;
      return;
    }
    container.replaceChildren();
    container.hidden = true;
  };
}

/** An image inline (opening full size in a new tab), any other file as a download link. */
function fileView(attachment: AttachmentDto, url: string, strings: WidgetStrings): HTMLElement {
  // The download route checks the page's origin: send it as the Referer even when the page's
  // referrer policy would send none (an <img> or a link sends no Origin header).
  const label = strings.download(attachment.name, strings.size(attachment.size));
  if (INLINE_TYPES.includes(attachment.type)) {
    return el(
      'a',
      { href: url, target: '_blank', rel: 'noopener', referrerpolicy: 'origin', 'aria-label': label },
      el('img', { src: url, alt: attachment.name, loading: 'lazy', referrerpolicy: 'origin' }),
    );
  }
  return el(
    'a',
    { class: 'chatiq-file-link', href: url, download: attachment.name, referrerpolicy: 'origin', 'aria-label': label },
    icon(FILE_ICON),
    attachment.name,
    el('span', { class: 'chatiq-file-size' }, strings.size(attachment.size)),
  );
}

/** The file's name and size, without a link (an upload on its way, or the visitor is not known yet). */
function fileLabel(file: { name: string; size: number }, strings: WidgetStrings): HTMLElement {
  return el(
    'span',
    { class: 'chatiq-file-link' },
    icon(FILE_ICON),
    file.name,
    el('span', { class: 'chatiq-file-size' }, strings.size(file.size)),
  );
}

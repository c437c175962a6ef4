import type { LauncherLook } from '../config.js';
import { OPEN_CHAT_LABEL } from '../i18n-launcher.js';
import { HOST_ID } from '../widget/host.js';
import { readableTextColor } from '../widget/theme.js';
import LAUNCHER_CSS from './launcher.css';

/**
 * The loader's view: the host element, after <body> at the end of <html>, with its shadow root holding the
 * loader's small stylesheet and the launcher bubble, drawn from the embed configuration alone (no
 * request, nothing stored). Null when the widget is already on the page. The chat bundle replaces
 * the shadow root's content with the full widget when it starts.
 *
 * Written as one piece of markup to keep widget.js small. Nothing the page wrote goes into it
 * unchecked: the colour passed `toHexColor`, position and size are word characters only (class
 * names the stylesheet may not know: then the default), the language is one of ours and the label
 * comes from our own table. The icon is dom.ts's CHAT_ICON, as the chat bundle's launcher draws it.
 */
export function mountLauncher(doc: Document, look: LauncherLook): { shadow: ShadowRoot; button: HTMLButtonElement } | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML =
    `<style>${LAUNCHER_CSS}</style>` +
    `<div class="${look.position} ${look.size}" lang="${look.language}" style="--c:${look.color};--o:${readableTextColor(look.color)}">` +
    `<button class="chatiq-launcher" aria-label="${OPEN_CHAT_LABEL[look.language]}">` +
    '<svg viewBox="0 0 24 24"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z"/></svg></button></div>';
  // Not in <body>: what a page does to its body (transform, filter, opacity, zoom, contain) would
  // move or dim a fixed element inside it; only <html>'s own styles reach the widget.
  doc.documentElement.append(host);
  return { shadow, button: shadow.querySelector('button') as HTMLButtonElement };
}

import type { LauncherLook } from '../config.js';
import { OPEN_CHAT_LABEL } from '../i18n-launcher.js';
import { HOST_ID } from '../widget/host.js';
import LAUNCHER_CSS from '../widget/launcher.css';
import { readableTextColor } from '../widget/theme.js';

/**
 * The loader's view: the host element at the end of <body> with its shadow root holding the
 * launcher's stylesheet and the launcher bubble, drawn from the embed configuration alone (no
 * request, nothing stored). Null when the widget is already on the page. The chat bundle replaces
 * the shadow root's content with the full widget when the visitor opens the chat.
 *
 * Written as one piece of markup to keep widget.js small. Nothing the page wrote goes into it
 * unchecked: the colour passed `toHexColor`, position and size are word characters only, the language is
 * one of ours and the label comes from our own table. The icon is dom.ts's CHAT_ICON, as the
 * chat bundle's launcher draws it.
 */
export function mountLauncher(doc: Document, look: LauncherLook): { shadow: ShadowRoot; button: HTMLButtonElement } | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML =
    `<style>${LAUNCHER_CSS}</style>` +
    `<div class="chatiq-root chatiq-position-${look.position} chatiq-size-${look.size}" lang="${look.language}" ` +
    `style="--chatiq-color:${look.color};--chatiq-on-color:${readableTextColor(look.color)}">` +
    `<button class="chatiq-launcher" aria-expanded="false" aria-label="${OPEN_CHAT_LABEL[look.language]}">` +
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z"/></svg></button></div>';
  doc.body.append(host);
  return { shadow, button: shadow.querySelector('button') as HTMLButtonElement };
}

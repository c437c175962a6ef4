import type { LauncherLook } from '@chatiq/contracts/protocol';
import { OPEN_CHAT_LABEL } from '../i18n-launcher.js';
import { HOST_ID } from '../widget/host.js';
import LAUNCHER_CSS from './launcher.css';

/**
 * The loader's view: the host element, after <body> at the end of <html>, with its shadow root holding the
 * loader's small stylesheet (adopted: no `<style>` element or `style` attribute, which a strict
 * Content-Security-Policy would block; the colours are in the adopted sheet) and the launcher bubble, drawn
 * in its final look (the embed's and the site's saved settings; nothing stored). Returns its shadow root; null
 * when the widget is already on the page. The chat bundle replaces the shadow root's content with the full
 * widget when it starts.
 *
 * Written as one piece of markup to keep widget.js small. Nothing the page wrote goes into it
 * unchecked: the colour passed `toHexColor`, position and size are among the known values (class
 * names), the language is one of ours and the label
 * comes from our own table. The icon is dom.ts's CHAT_ICON, as the chat bundle's launcher draws it.
 */
export function mountLauncher(doc: Document, look: LauncherLook): ShadowRoot | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  host.popover = 'manual';
  const shadow = host.attachShadow({ mode: 'open' });
  // An adopted stylesheet with the colours in it, no <style> element or `style` attribute: nothing
  // a strict Content-Security-Policy blocks (see widget/adopt-style.ts).
  shadow.innerHTML =
    `<div class="${look.position} ${look.size}" lang="${look.language}">` +
    `<button class="chatiq-launcher" aria-expanded="false" aria-label="${OPEN_CHAT_LABEL[look.language]}">` +
    '<svg viewBox="0 0 24 24"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z"/></svg></button></div>';
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${LAUNCHER_CSS}:host{--c:${look.color};--o:${look.onColor}}`);
  shadow.adoptedStyleSheets = [sheet];
  // Not in <body>: what a page does to its body (transform, filter, opacity, zoom, contain) would
  // move or dim a fixed element inside it; only <html>'s own styles reach the widget.
  doc.documentElement.append(host);
  // In the top layer (a manual popover: no light dismiss, no Esc): above anything the page draws,
  // whatever its z-index, and positioned against the viewport even when the page transforms,
  // filters or contains <html> (which would otherwise make <html> the containing block of fixed
  // elements). A browser without popovers (before Chrome 114, Firefox 125, Safari 17) keeps the
  // fixed position and z-index.
  host.showPopover?.();
  return shadow;
}

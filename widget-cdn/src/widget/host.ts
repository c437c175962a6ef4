import { WIDGET_CSS } from './styles.js';

export const HOST_ID = 'chatiq-widget-host';

/**
 * The widget's one element on the page: `<div id="chatiq-widget-host">` at the end of <body>,
 * with an open shadow root holding the stylesheet and the widget. Returns null when the widget
 * is already on the page (the snippet was pasted twice).
 */
export function mountHost(doc: Document): ShadowRoot | null {
  if (doc.getElementById(HOST_ID)) return null;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = WIDGET_CSS;
  shadow.append(style);
  doc.body.append(host);
  return shadow;
}

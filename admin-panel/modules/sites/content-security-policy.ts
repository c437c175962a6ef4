/**
 * The Content-Security-Policy directives a site needs for the widget (README.md and
 * docs/deploy.md, "Content-Security-Policy"): its script from the widget's origin, the API over
 * HTTP and WebSocket, the API's images (attachments) and data: URLs. No style source: the widget
 * styles itself through adopted stylesheets and CSSOM, which `style-src` does not govern.
 */
export function widgetCspDirectives(widgetUrl: string, apiUrl: string): string[] {
  const widget = new URL(widgetUrl).origin;
  const api = new URL(apiUrl).origin;
  const socket = api.replace(/^http/, 'ws');
  return [`script-src ${widget}`, `connect-src ${api} ${socket}`, `img-src ${api} data:`];
}

/** The embed form without an inline script, for pages whose policy allows none: the configuration in data attributes. */
export function noInlineEmbedSnippet(widgetUrl: string, apiUrl: string, siteId: string): string {
  return `<script async src="${widgetUrl}/widget.js" data-site-id="${siteId}" data-api-url="${apiUrl}"></script>`;
}

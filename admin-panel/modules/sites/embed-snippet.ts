/** The SDK's methods, which the snippet's stub queues in `chtq.q` until widget.js runs (it then runs them in order). */
export const SDK_METHODS = ['open', 'close', 'toggle', 'setLocale', 'setUser', 'on', 'off'] as const;

/**
 * The recommended embed snippet: the site (or, with `organizationId`, any site of the
 * organization whose origins match the page) and the API, nothing else (the look and the language
 * follow the widget settings saved in the panel), and a stub that defines the SDK's methods so a
 * call right after the snippet (`chtq.setUser({…})`) is queued until the async widget.js runs.
 */
export function embedSnippet(widgetUrl: string, apiUrl: string, id: string, kind: 'siteId' | 'organizationId' = 'siteId'): string {
  return [
    '<script>',
    `  window.chtq = { ${kind}: "${id}", apiUrl: "${apiUrl}", q: [] };`,
    `  ${JSON.stringify(SDK_METHODS).replace(/","/g, '", "')}.forEach(function (m) {`,
    '    chtq[m] = function () { chtq.q.push([m].concat([].slice.call(arguments))); };',
    '  });',
    '</script>',
    `<script async src="${widgetUrl}/widget.js"></script>`,
  ].join('\n');
}

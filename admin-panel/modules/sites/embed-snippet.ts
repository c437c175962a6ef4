/** The recommended embed snippet for a site (the form PRODUCT.md documents). */
export function embedSnippet(widgetUrl: string, apiUrl: string, siteId: string): string {
  return [
    `<script async src="${widgetUrl}/widget.js"></script>`,
    '<script>',
    `  window.chtq = { siteId: "${siteId}", apiUrl: "${apiUrl}", language: "en", position: "right", size: "standard" };`,
    '</script>',
  ].join('\n');
}

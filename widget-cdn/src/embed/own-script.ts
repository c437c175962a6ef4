/**
 * The `<script>` element that loaded widget.js, whose data attributes carry the legacy embed
 * configuration. `document.currentScript` is only set while the script first runs, so call
 * this at load time. Without it (some loaders inject the code), a tag with a site id is used.
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  return (
    (doc.currentScript as HTMLScriptElement | null) || doc.querySelector<HTMLScriptElement>('script[data-site-id],script[data-project-id]')
  );
}

/** A copy of the script's data attributes: `data-site-id` → `siteId`, `data-api-url` → `apiUrl`… */
export function scriptDataset(script: HTMLScriptElement | null): Record<string, string | undefined> {
  return { ...script?.dataset };
}

/**
 * Where widget.js was loaded from (the chat bundle lives next to it): the script's own `src`,
 * else the page's address (widget.js served by the site itself, or injected as code).
 */
export function scriptBaseUrl(doc: Document, script: HTMLScriptElement | null): string {
  return script?.src || doc.baseURI;
}

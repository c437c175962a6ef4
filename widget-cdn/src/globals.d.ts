/** The default API URL, set at build time by esbuild's `define` from CHATIQ_API_URL. */
declare const __CHATIQ_API_URL__: string;

interface Window {
  /** The embed configuration a page sets (`window.chtq = { siteId, … }`); the widget adds open/close/toggle. */
  chtq?: unknown;
}

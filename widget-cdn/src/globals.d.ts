/** The default API URL, set at build time by esbuild's `define` from CHATIQ_API_URL. */
declare const __CHATIQ_API_URL__: string;

interface Window {
  /** The embed configuration a page sets (`window.chtq = { siteId, … }`); the widget adds open/close/toggle. */
  chtq?: unknown;
}

/** The hashed file name of the chat bundle (`assets/chat-….js`), set at build time for the loader. */
declare const __CHATIQ_CHAT_FILE__: string;

/** Stylesheets are bundled as minified text (scripts/build.mjs), injected into the shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}

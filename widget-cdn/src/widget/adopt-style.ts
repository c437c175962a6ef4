/**
 * Adds a stylesheet to the widget's shadow root as a constructable stylesheet
 * (`adoptedStyleSheets`): a page's Content-Security-Policy governs `<style>` elements and `style`
 * attributes (`style-src`), not these, so the widget keeps its look on a page whose policy allows
 * no inline style at all. `replace` drops the sheets adopted before (the chat bundle taking over
 * from the loader). The widget's other styles are CSSOM writes (`el.style.setProperty`), which no
 * policy blocks; never a `style` attribute or a `style` in markup. (Constructable stylesheets are
 * in every browser the widget runs in: Chrome 73, Firefox 101, Safari 16.4; the loader draws
 * nothing without them.)
 */
export function adoptStyle(root: ShadowRoot, css: string, replace?: boolean): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = replace ? [sheet] : [...root.adoptedStyleSheets, sheet];
}

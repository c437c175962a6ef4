/**
 * The text colour that stays readable on the accent colour: dark text on light accents, white on
 * dark ones, by perceived brightness (YIQ, as the W3C's colour-visibility check): cheap enough
 * for the loader, which draws the launcher. Accepts #rgb, #rgba, #rrggbb and #rrggbbaa.
 */
export function readableTextColor(hexColor: string): '#111827' | '#fff' {
  let hex = hexColor.slice(1);
  if (hex.length < 6) hex = hex.replace(/./g, '$&$&');
  const rgb = parseInt(hex.slice(0, 6), 16);
  return (rgb >> 16) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114 >= 128_000 ? '#111827' : '#fff';
}

/** The root element's classes for a position and size (the stylesheet reads them). */
export function rootClassName(position: string, size: string, open = false, preview = false): string {
  return `chatiq-root chatiq-position-${position} chatiq-size-${size}${open ? ' chatiq-open' : ''}${preview ? ' chatiq-preview' : ''}`;
}

/** Sets the accent colour and its readable text colour as the theme's custom properties. */
export function applyColor(root: HTMLElement, color: string): void {
  root.style.setProperty('--chatiq-color', color);
  root.style.setProperty('--chatiq-on-color', readableTextColor(color));
}

/**
 * The text colour that stays readable on the accent colour: dark text on light accents, white on
 * dark ones, by perceived brightness (YIQ, as the W3C's colour-visibility check): cheap enough
 * for the loader, which draws the launcher. Accepts #rgb, #rgba, #rrggbb and #rrggbbaa.
 */
export function readableTextColor(hexColor: string): '#111827' | '#ffffff' {
  let hex = hexColor.slice(1);
  if (hex.length < 6) hex = hex.replace(/./g, '$&$&');
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16);
  return channel(0) * 299 + channel(2) * 587 + channel(4) * 114 >= 128_000 ? '#111827' : '#ffffff';
}

/** The root element's classes for a position and size (the stylesheet reads them). */
export function rootClassName(position: string, size: string, open = false): string {
  return `chatiq-root chatiq-position-${position} chatiq-size-${size}${open ? ' chatiq-open' : ''}`;
}

/** Sets the accent colour and its readable text colour as the theme's custom properties. */
export function applyColor(root: HTMLElement, color: string): void {
  root.style.setProperty('--chatiq-color', color);
  root.style.setProperty('--chatiq-on-color', readableTextColor(color));
}

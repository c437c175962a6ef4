import { readableTextColor } from '@chatiq/contracts/protocol';

/** Dark text on light accents, white on dark ones (the rule the API's launcher look uses too). */
export { readableTextColor };

/** The root element's classes for a position and size (the stylesheet reads them). */
export function rootClassName(position: string, size: string, open = false, preview = false): string {
  return `chatiq-root chatiq-position-${position} chatiq-size-${size}${open ? ' chatiq-open' : ''}${preview ? ' chatiq-preview' : ''}`;
}

/** Sets the accent colour and its readable text colour as the theme's custom properties. */
export function applyColor(root: HTMLElement, color: string): void {
  root.style.setProperty('--chatiq-color', color);
  root.style.setProperty('--chatiq-on-color', readableTextColor(color));
}

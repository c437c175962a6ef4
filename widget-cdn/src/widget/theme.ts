/** Relative luminance of #111827, the dark text colour. */
const DARK_TEXT_LUMINANCE = 0.0092;

/**
 * The text colour that stays readable on the accent colour: dark text on light accents, white
 * on dark ones (WCAG relative luminance). Accepts #rgb, #rgba, #rrggbb and #rrggbbaa.
 */
export function readableTextColor(hexColor: string): '#111827' | '#ffffff' {
  const hex = hexColor.replace('#', '');
  const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((digit) => digit + digit).join('') : hex.slice(0, 6);
  const channels = [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // White wins when its contrast ratio against the accent is at least the dark text's.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / (DARK_TEXT_LUMINANCE + 0.05) ? '#ffffff' : '#111827';
}

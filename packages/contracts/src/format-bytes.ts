/**
 * Sizes in one style for every client and the server (zod-free: the widget bundles it through
 * `@chatiq/contracts/protocol`): binary steps (1 KB = 1,024 B, as the limits are set), one decimal
 * below 10 and none from 10 up, the number in the reader's locale ("1.2 MB" in English, "1,2 МБ"
 * in Ukrainian) and the unit symbols of the reader's language (English's for any other).
 */
const UNITS: Record<string, readonly string[]> = {
  en: ['B', 'KB', 'MB', 'GB'],
  uk: ['Б', 'КБ', 'МБ', 'ГБ'],
};

/** "394 B", "1.2 MB", "20 MB" (`locale` a BCP 47 tag such as "en", "uk-UA"; English when absent or unknown). */
export function formatBytes(bytes: number, locale = 'en'): string {
  const units = UNITS[locale.toLowerCase().split('-')[0] ?? ''] ?? (UNITS.en as readonly string[]);
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Rounded first, so 1,023.96 KB is "1,024 KB" in its own step rather than "1,024.0".
  const digits = unit > 0 && value < 9.95 ? 1 : 0;
  return `${numberFormat(locale, digits).format(value)} ${units[unit]}`;
}

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: digits, useGrouping: false };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', options); // a malformed tag
  }
}

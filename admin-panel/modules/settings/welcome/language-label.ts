/** Languages offered first in the welcome message editor (any other tag may be typed). */
export const SUGGESTED_LANGUAGES = ['en', 'uk', 'pl', 'de', 'fr', 'es', 'it', 'pt', 'cs', 'ro'] as const;

/** "uk" → "Ukrainian" (in the panel's language), "*" → `anyLanguage`; unknown or malformed tags as typed. */
export function languageLabel(tag: string, locale: string, anyLanguage: string): string {
  if (tag === '*') return anyLanguage;
  if (!tag) return '';
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(tag);
    return name ?? tag;
  } catch {
    return tag;
  }
}

/** The admin panel's languages. The first is the default. */
export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the language switcher sets; without it, the browser's Accept-Language decides. */
export const LOCALE_COOKIE = 'chatiq_locale';

/** The browser's IANA time zone, stored by the shell so server-rendered dates match the browser's. */
export const TIME_ZONE_COOKIE = 'chatiq_tz';

export function isLocale(value: string | undefined | null): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The best supported language for an Accept-Language header ("uk-UA,uk;q=0.9,en;q=0.8" → uk). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.language && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_COOKIE, LOCALES } from '@/i18n/locales';

/** Native names: each language is offered in its own words. */
const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: 'English', uk: 'Українська' };

/** Stores the choice in a cookie (read by i18n/request.ts) and re-renders the page in it. */
export function LanguageSwitcher() {
  const t = useTranslations('shell');
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={locale}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie read by the server.
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
